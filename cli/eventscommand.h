#pragma once

#include <QObject>
#include <QVariantMap>

namespace berth::cli {

class CommandParser;

// `berth events`: the engine's events as they happen, until interrupted, like `docker events`.
class EventsCommand : public QObject
{
    Q_OBJECT
public:
    static int run(const QStringList &arguments);

private Q_SLOTS:
    void print(const QString &type, const QString &action, const QString &actor, const QVariantMap &attributes,
               qlonglong timeNano);

private:
    explicit EventsCommand(CommandParser &format);
    CommandParser &m_format;
};

} // namespace berth::cli
