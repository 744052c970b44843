#pragma once

// Ids for containers and networks as docker makes them: 64 hex digits from 32 random bytes.

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

namespace berth {

inline QString randomId()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

} // namespace berth
