#pragma once

#include <QObject>

#include <functional>

class QAbstractItemModel;

namespace convene {

// Runs `refresh` after the application's translations change (QEvent::LanguageChange), once for
// all the translators swapped in one turn of the event loop. For objects that hand out
// translated text or locale-formatted dates and would otherwise keep the old language. Lives on
// the application's thread, as long as its parent.
class LanguageChangeWatcher : public QObject {
public:
    LanguageChangeWatcher(std::function<void()> refresh, QObject* parent);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::function<void()> m_refresh;
    bool m_pending = false;
};

// Every row of `model` reports a change after the language changes, so that views read its
// translated and formatted text again. For models that translate in data().
void refreshOnLanguageChange(QAbstractItemModel& model);

} // namespace convene
