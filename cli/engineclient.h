#pragma once

// EngineClient: the CLI's synchronous calls to the engine.  A command line tool may wait for
// its answer; the desktop app never does (it uses the generated proxies asynchronously).
//
//     EngineClient engine;
//     auto info = engine.call(engine::kSystemInterface, u"Info"_s, {QVariantMap{}});
//     if (!info)
//         return engine.report(info.error());        // prints, returns the exit code

#include "result.h"

#include <QCoreApplication>
#include <QVariantList>

#include <functional>

namespace berth::cli {

class EngineClient
{
    Q_DECLARE_TR_FUNCTIONS(EngineClient)
public:
    // `meanwhile` runs after the call is sent and before its answer is awaited (streaming a
    // command's output, say); the function it gets says whether the answer has come.  The
    // sent message keeps its descriptors open until then, so a stream cannot end sooner.
    // When it returns false the answer is not awaited (a person detached) and the result is
    // an empty list.
    using Meanwhile = std::function<bool(const std::function<bool()> &answered)>;
    Result<QVariantList> call(const QString &interface, const QString &method, const QVariantList &args, const QString &path = {},
                              const Meanwhile &meanwhile = {});
    // A method of org.berth.Engine1.Containers.
    Result<QVariantList> callContainers(const QString &method, const QVariantList &args);

    // Prints the error for a person and returns the exit code for it: 1 when there is no
    // engine, otherwise `engineErrorCode` (docker uses 1 for most commands, 125 for some).
    int report(const Error &error, int engineErrorCode = 125) const;

    // Whether the last call found no engine (or no bus) to answer.
    bool unreachable() const { return m_unreachable; }

private:
    Error unreachableBecause(const QString &reason);

    bool m_unreachable = false;
};

} // namespace berth::cli
