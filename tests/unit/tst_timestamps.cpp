// RFC 3339 times read and written without QDateTime: the same instants Qt finds, to the
// nanosecond, and every malformed text refused.

#include "timestamps.h"

#include <QDateTime>
#include <QTest>

using namespace berth;
using namespace std::chrono;

class TestTimestamps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheInstantQtReads_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("utc") << QStringLiteral("2026-11-27T02:52:15Z");
        QTest::newRow("milliseconds") << QStringLiteral("2026-11-27T02:52:15.929Z");
        QTest::newRow("east offset") << QStringLiteral("2026-01-01T00:30:00+01:00");
        QTest::newRow("west offset, day before") << QStringLiteral("2025-12-31T23:30:00.5-02:30");
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T12:00:00Z");
        QTest::newRow("before the epoch") << QStringLiteral("1969-12-31T23:59:59Z");
        QTest::newRow("docker's zero time") << QStringLiteral("0001-01-01T00:00:00Z");
    }

    void readsTheInstantQtReads()
    {
        QFETCH(QString, text);
        const auto time = parseRfc3339(text.toStdString());
        QVERIFY(time);
        const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
        QVERIFY(qt.isValid());
        QCOMPARE(duration_cast<milliseconds>(time->second.time_since_epoch()).count()
                     + duration_cast<milliseconds>(time->fraction).count(),
                 qt.toMSecsSinceEpoch());
        QCOMPARE(secondsSinceEpoch(text), qt.toSecsSinceEpoch());
    }

    void keepsNanosecondsAndWritesUtc()
    {
        const auto time = parseRfc3339("2026-11-27T03:52:15.123456789+01:00");
        QVERIFY(time);
        QCOMPARE(formatRfc3339(*time), std::string("2026-11-27T02:52:15.123456789Z"));
        QCOMPARE(formatRfc3339(*parseRfc3339("2026-11-27T02:52:15.1Z")), std::string("2026-11-27T02:52:15.100000000Z"));
        // Digits past the ninth are read and dropped, not rounded into the next second.
        QCOMPARE(formatRfc3339(*parseRfc3339("2026-11-27T02:52:15.9999999999Z")), std::string("2026-11-27T02:52:15.999999999Z"));
    }

    void writesWhatItReads()
    {
        const std::string now = timestampNow();
        const auto time = parseRfc3339(now);
        QVERIFY(time);
        QCOMPARE(formatRfc3339(*time), now);
        QVERIFY(abs(duration_cast<seconds>(system_clock::now() - time->second).count()) < 60);
    }

    void refusesWhatIsNotOne_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("date only") << QStringLiteral("2026-11-27");
        QTest::newRow("no zone") << QStringLiteral("2026-11-27T02:52:15");
        QTest::newRow("month 13") << QStringLiteral("2026-13-01T00:00:00Z");
        QTest::newRow("30 February") << QStringLiteral("2026-02-30T00:00:00Z");
        QTest::newRow("hour 24") << QStringLiteral("2026-11-27T24:00:00Z");
        QTest::newRow("minute 60") << QStringLiteral("2026-11-27T02:60:00Z");
        QTest::newRow("empty fraction") << QStringLiteral("2026-11-27T02:52:15.Z");
        QTest::newRow("signed field") << QStringLiteral("2026-+1-27T02:52:15Z");
        QTest::newRow("offset without colon") << QStringLiteral("2026-11-27T02:52:15+0100");
        QTest::newRow("trailing text") << QStringLiteral("2026-11-27T02:52:15Zjunk");
        QTest::newRow("short year") << QStringLiteral("226-11-27T02:52:15Z");
    }

    void refusesWhatIsNotOne()
    {
        QFETCH(QString, text);
        QVERIFY(!parseRfc3339(text.toStdString()));
        QCOMPARE(secondsSinceEpoch(text), 0);
    }
};

QTEST_GUILESS_MAIN(TestTimestamps)
#include "tst_timestamps.moc"
