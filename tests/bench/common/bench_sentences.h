#pragma once

// Message text for benchmarks: Chinese and English words as in real team chat, with a number at
// the end so that rare terms exist too.
#include <QString>

#include <iterator>
#include <random>

namespace convene::bench {

inline const char* const kWords[] = {"meeting",  "release", "design",   "review", "tomorrow", "budget",
                                     "customer", "launch",  "calendar", "deploy", "feedback", "roadmap",
                                     "明天",     "会议",    "发布",     "设计",   "客户",     "需求",
                                     "文档",     "上线",    "测试",     "周报",   "预算",     "反馈"};

inline QString sentence(std::mt19937_64& random)
{
    const int length = 6 + int(random() % 12);
    QString text;
    for (int i = 0; i < length; ++i) {
        const QString word = QString::fromUtf8(kWords[random() % std::size(kWords)]);
        if (!text.isEmpty() && word.at(0).unicode() < 0x2E80)
            text += QLatin1Char(' ');
        text += word;
    }
    return text + QStringLiteral(" #%1").arg(random() % 100000);
}

} // namespace convene::bench
