#pragma once

// JobWatcher: follows an engine job until it finishes, drawing its progress on stderr when
// that is a terminal (one line per layer, like docker), and returns its outcome.  For pull
// and push, as docker does, a line is written on stdout each time a layer's state changes
// when stderr is not a terminal.
//
//     auto result = JobWatcher(jobPath, quiet).wait();    // Result<QVariantMap>

#include "result.h"

#include <QHash>
#include <QObject>
#include <QVariantMap>

namespace berth::cli {

class JobWatcher : public QObject
{
    Q_OBJECT
public:
    JobWatcher(QString path, bool quiet);
    // When not drawing on a terminal (and not quiet): a line per state change.
    void listStateChanges() { m_list = !m_draw && !m_quiet; }
    Result<QVariantMap> wait();

Q_SIGNALS:
    void settled();

private Q_SLOTS:
    void onProgress(const QVariantMap &status);
    void onFinished(bool success, const QString &errorName, const QString &message, const QVariantMap &result);

private:
    void draw(const QVariantMap &status);
    void list(const QVariantMap &status);
    void settleFrom(const QVariantMap &status);

    QString m_path;
    bool m_quiet;
    bool m_draw;
    bool m_list = false;
    QHash<QString, QString> m_listed; // the state last written of each item
    int m_linesDrawn = 0;
    std::optional<Result<QVariantMap>> m_outcome;
};

} // namespace berth::cli
