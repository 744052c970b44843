#pragma once

// The desktop app's ends of the streams the engine reads and writes over passed file
// descriptors, read and written from the event loop (never blocking the GUI thread).
//
// LogStream: a container's logs, as ContainerLogs writes them (both streams into one pipe).
// ExecSession: a command on a terminal in a running container (ExecContainer with tty): the
// terminal's output, the person's input and the terminal's size, each over its own pipe.

#include <QObject>

#include <sys/types.h>

class QSocketNotifier;

namespace berth::gui {

// A one-way channel whose one end is ours (non-blocking) and whose other end goes to the engine.
class EnginePipe
{
public:
    enum class Direction { FromEngine, ToEngine };
    explicit EnginePipe(Direction direction);
    ~EnginePipe();
    EnginePipe(const EnginePipe &) = delete;
    EnginePipe &operator=(const EnginePipe &) = delete;

    bool isValid() const { return m_ours >= 0; }
    int ours() const { return m_ours; }
    // Writes what fits now; -1 with errno as send() sets it (EPIPE: the engine's end is closed).
    ssize_t send(const char *bytes, size_t size) const;
    // The engine's end as a D-Bus file descriptor; drop it once the call is sent.
    QVariant enginesEnd() const;
    void closeEnginesEnd();

private:
    int m_ours = -1;
    int m_engines = -1;
};

class LogStream : public QObject
{
    Q_OBJECT
public:
    // options: ContainerLogs's (follow, tail, timestamps, since, until).
    LogStream(const QString &container, const QVariantMap &options, QObject *parent = nullptr);
    ~LogStream() override;

Q_SIGNALS:
    void output(const QByteArray &bytes);
    void ended();
    void failed(const QString &message);

private:
    EnginePipe m_pipe{EnginePipe::Direction::FromEngine};
    QSocketNotifier *m_notifier = nullptr;
};

class ExecSession : public QObject
{
    Q_OBJECT
public:
    ExecSession(const QString &container, const QStringList &command, int rows, int columns, QObject *parent = nullptr);
    ~ExecSession() override;

    bool isRunning() const { return m_running; }

public Q_SLOTS:
    void write(const QByteArray &bytes);
    void resize(int rows, int columns);

Q_SIGNALS:
    void output(const QByteArray &bytes);
    void finished(int exitCode);
    void failed(const QString &message);

private:
    void flushInput();

    EnginePipe m_stdout{EnginePipe::Direction::FromEngine};
    EnginePipe m_stdin{EnginePipe::Direction::ToEngine};
    EnginePipe m_resize{EnginePipe::Direction::ToEngine};
    QSocketNotifier *m_outputNotifier = nullptr;
    QSocketNotifier *m_inputNotifier = nullptr;
    QByteArray m_pendingInput;
    bool m_running = true;
};

} // namespace berth::gui
