#include "error.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QTest>

using namespace berth;

class TestError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKindHasAUniqueNameThatMapsBack()
    {
        QSet<QString> names;
        for (int i = 0; i < int(ErrorKind::Count); ++i) {
            const QString name = errorName(ErrorKind(i));
            QVERIFY2(name.startsWith(u"org.berth.Error."), qPrintable(name));
            QCOMPARE(errorKindFromName(name), std::optional(ErrorKind(i)));
            names.insert(name);
        }
        QCOMPARE(names.size(), int(ErrorKind::Count));
        QCOMPARE(errorKindFromName(QStringLiteral("org.berth.Error.Nope")), std::nullopt);
    }

    void fromDBusKeepsBerthErrors()
    {
        const QDBusError error(QDBusMessage::createError(QStringLiteral("org.berth.Error.Conflict"), QStringLiteral("busy")));
        const Error converted = Error::fromDBus(error);
        QCOMPARE(converted.kind(), ErrorKind::Conflict);
        QCOMPARE(converted.message(), QStringLiteral("busy"));
    }

    void fromDBusMapsBusErrors()
    {
        const QDBusError unknown(QDBusError::ServiceUnknown, QStringLiteral("gone"));
        QCOMPARE(Error::fromDBus(unknown).kind(), ErrorKind::Unavailable);
        const QDBusError denied(QDBusError::AccessDenied, QStringLiteral("policy"));
        QCOMPARE(Error::fromDBus(denied).kind(), ErrorKind::PermissionDenied);
        const QDBusError other(QDBusError::InvalidSignature, QStringLiteral("bad"));
        QCOMPARE(Error::fromDBus(other).kind(), ErrorKind::Internal);
        QVERIFY(Error::fromDBus(other).message().contains(u"InvalidSignature"));
    }

    void fromErrnoNamesTheOperation()
    {
        const Error error = Error::fromErrno(ENOENT, QStringLiteral("open \"/x\""));
        QCOMPARE(error.kind(), ErrorKind::NotFound);
        QCOMPARE(error.message(), QStringLiteral("open \"/x\": No such file or directory"));
        QCOMPARE(Error::fromErrno(ENOSPC, QStringLiteral("write")).kind(), ErrorKind::LimitExceeded);
        QCOMPARE(Error::fromErrno(EACCES, QStringLiteral("open")).kind(), ErrorKind::PermissionDenied);
    }

    void wrappedAddsContextInFront()
    {
        const Error inner = Error::invalidArgument(QStringLiteral("\"debug\" must be true or false"));
        const Error outer = inner.wrapped(QStringLiteral("settings file \"/etc/berth/engine.json\""));
        QCOMPARE(outer.kind(), ErrorKind::InvalidArgument);
        QCOMPARE(outer.message(), QStringLiteral("settings file \"/etc/berth/engine.json\": \"debug\" must be true or false"));
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
