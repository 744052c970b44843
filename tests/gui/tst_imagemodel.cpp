#include "models/imagemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace berth::gui;

namespace {

QVariantMap image(const QString &hex, const QStringList &tags, qint64 created = 1700000000, quint64 size = 1982358)
{
    return {{QStringLiteral("Id"), QStringLiteral("sha256:") + QString(64, hex.at(0))},
            {QStringLiteral("RepoTags"), tags},
            {QStringLiteral("Created"), created},
            {QStringLiteral("Size"), size}};
}

} // namespace

class TestImageModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsPerTagAndLiveUpdates()
    {
        ImageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setImages({image(QStringLiteral("a"), {QStringLiteral("busybox:latest"), QStringLiteral("host:5000/me/app:1")}),
                         image(QStringLiteral("b"), {})});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, ImageModel::Repository).data().toString(), QStringLiteral("host:5000/me/app"));
        QCOMPARE(model.index(1, ImageModel::Tag).data().toString(), QStringLiteral("1"));
        QCOMPARE(model.index(2, ImageModel::Repository).data().toString(), QStringLiteral("<none>"));
        QCOMPARE(model.index(0, ImageModel::Id).data().toString(), QString(12, u'a'));
        QCOMPARE(model.index(0, ImageModel::Size).data(ImageModel::SortRole).toULongLong(), 1982358ull);

        // The second tag goes, the untagged image goes, a new image comes.
        model.setImages({image(QStringLiteral("a"), {QStringLiteral("busybox:latest")}),
                         image(QStringLiteral("c"), {QStringLiteral("new:1")})});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ImageModel::Repository).data().toString(), QStringLiteral("busybox"));
        QCOMPARE(model.index(1, ImageModel::Repository).data().toString(), QStringLiteral("new"));

        model.setImages({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sameRowsChangeInPlace()
    {
        ImageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setImages({image(QStringLiteral("a"), {QStringLiteral("busybox:latest")})});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setImages({image(QStringLiteral("a"), {QStringLiteral("busybox:latest")}, 1700000000, 42)});
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, ImageModel::Size).data(ImageModel::SortRole).toULongLong(), 42ull);
    }
};

QTEST_MAIN(TestImageModel)
#include "tst_imagemodel.moc"
