#pragma once

// OptionSpec: the strict parser for the "a{sv} options" argument that every Berth method takes.
//
//     const auto spec = OptionSpec{}.add(u"all"_s, u"b"_s).add(u"filters"_s, u"a{sv}"_s);
//     if (auto checked = spec.check(options); !checked)
//         return checked.error();        // InvalidArgument naming the key
//
// Types are D-Bus signatures, because that is what the caller actually sent.

#include "result.h"

#include <QMap>
#include <QString>
#include <QVariantMap>

namespace berth {

class OptionSpec
{
public:
    OptionSpec &add(const QString &key, const QString &signature);
    Result<void> check(const QVariantMap &options) const;
    QStringList keys() const { return m_signatures.keys(); }

private:
    QMap<QString, QString> m_signatures;
};

// The D-Bus signature of a value as QtDBus delivered it ("s", "as", "a{sv}", ...).
QString dbusSignature(const QVariant &value);

} // namespace berth
