#pragma once

#include <QString>
#include <QStringList>

namespace convene::chat {

// A search box's text split into its filters and the words to find:
//   deploy in:#engineering from:@li   ->  text "deploy", channels {"engineering"}, people {"li"}
// Filter values may be quoted to hold spaces: from:"Li Wei".
struct SearchQuery {
    QString text;
    QStringList channels; // names without '#', lower-case
    QStringList people; // names or ids without '@', lower-case

    bool isEmpty() const { return text.isEmpty() && channels.isEmpty() && people.isEmpty(); }
};

SearchQuery parseSearchQuery(const QString& input);

} // namespace convene::chat
