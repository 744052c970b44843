#include "optionspec.h"

#include <QDBusVariant>
#include <QTest>

using namespace berth;

class TestOptionSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acceptsKnownKeysOfTheRightType()
    {
        const auto spec
            = OptionSpec{}.add(QStringLiteral("all"), QStringLiteral("b")).add(QStringLiteral("names"), QStringLiteral("as"));
        QVERIFY(spec.check({}).ok());
        QVERIFY(spec.check({{QStringLiteral("all"), true}, {QStringLiteral("names"), QStringList{QStringLiteral("a")}}}).ok());
    }

    void rejectsAnUnknownKeyNamingIt()
    {
        const auto spec = OptionSpec{}.add(QStringLiteral("all"), QStringLiteral("b"));
        const auto checked = spec.check({{QStringLiteral("al"), true}});
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().kind(), ErrorKind::InvalidArgument);
        QVERIFY2(checked.error().message().contains(u"\"al\""), qPrintable(checked.error().message()));
        QVERIFY(checked.error().message().contains(u"all"));
    }

    void rejectsAWrongTypeNamingBothTypes()
    {
        const auto spec = OptionSpec{}.add(QStringLiteral("all"), QStringLiteral("b"));
        const auto checked = spec.check({{QStringLiteral("all"), QStringLiteral("yes")}});
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error().message().contains(u"\"b\"") && checked.error().message().contains(u"\"s\""),
                 qPrintable(checked.error().message()));
    }

    void emptySpecSaysItTakesNoOptions()
    {
        const auto checked = OptionSpec{}.check({{QStringLiteral("x"), 1}});
        QVERIFY(!checked.ok());
        QVERIFY(checked.error().message().contains(u"takes no options"));
    }

    void signaturesOfCommonValues()
    {
        QCOMPARE(dbusSignature(QVariant(true)), QStringLiteral("b"));
        QCOMPARE(dbusSignature(QVariant(qint64(1))), QStringLiteral("x"));
        QCOMPARE(dbusSignature(QVariant(quint32(1))), QStringLiteral("u"));
        QCOMPARE(dbusSignature(QVariant(QByteArray("x"))), QStringLiteral("ay"));
        QCOMPARE(dbusSignature(QVariant(QVariantMap{})), QStringLiteral("a{sv}"));
        QCOMPARE(dbusSignature(QVariant::fromValue(QDBusVariant(1))), QStringLiteral("v"));
    }
};

QTEST_GUILESS_MAIN(TestOptionSpec)
#include "tst_optionspec.moc"
