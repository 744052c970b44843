#pragma once

// JobWatcher: follows an engine job until it finishes, drawing its progress on stderr when
// that is a terminal (one line per layer, like docker), and returns its outcome.
//
//     auto result = JobWatcher(jobPath, quiet).wait();    // Result<QVariantMap>

#include "result.h"

#include <QObject>
#include <QVariantMap>

namespace berth::cli {

class JobWatcher : public QObject
{
    Q_OBJECT
public:
    JobWatcher(QString path, bool quiet);
    Result<QVariantMap> wait();

Q_SIGNALS:
    void settled();

private Q_SLOTS:
    void onProgress(const QVariantMap &status);
    void onFinished(bool success, const QString &errorName, const QString &message, const QVariantMap &result);

private:
    void draw(const QVariantMap &status);
    void settleFrom(const QVariantMap &status);

    QString m_path;
    bool m_draw;
    int m_linesDrawn = 0;
    std::optional<Result<QVariantMap>> m_outcome;
};

} // namespace berth::cli
