#include "imagescommand.h"

#include "commandparser.h"
#include "engine.h"
#include "engineclient.h"
#include "output.h"
#include "table.h"

#include <QDateTime>

namespace berth::cli {
namespace {

struct Row
{
    QString repository;
    QString tag;
    QString id;
    QString digest;
    qint64 created;
    quint64 size;
};

// "host:5000/a/b:1" -> ("host:5000/a/b", "1")
std::pair<QString, QString> splitTag(const QString &reference)
{
    const qsizetype colon = reference.lastIndexOf(u':');
    if (colon < 0 || colon < reference.lastIndexOf(u'/'))
        return {reference, QStringLiteral("<none>")};
    return {reference.left(colon), reference.mid(colon + 1)};
}

QList<Row> rowsOf(const QVariantList &images, bool noTrunc)
{
    QList<Row> rows;
    for (const QVariant &item : images) {
        const QVariantMap image = item.toMap();
        const QString id = image.value(QStringLiteral("Id")).toString();
        const QString shownId = noTrunc ? id : id.mid(7, 12);
        QStringList tags = image.value(QStringLiteral("RepoTags")).toStringList();
        if (tags.isEmpty())
            tags << QStringLiteral("<none>:<none>");
        for (const QString &tag : tags) {
            const auto [repository, version] = splitTag(tag);
            rows << Row{repository,
                        version,
                        shownId,
                        QStringLiteral("<none>"),
                        image.value(QStringLiteral("Created")).toLongLong(),
                        image.value(QStringLiteral("Size")).toULongLong()};
        }
    }
    return rows;
}

Result<QVariantMap> filtersFrom(const QStringList &specs, const QStringList &positional)
{
    QVariantMap filters;
    QStringList references = positional;
    for (const QString &spec : specs) {
        const QString key = spec.section(u'=', 0, 0);
        const QString value = spec.section(u'=', 1);
        if (!spec.contains(u'='))
            return Error::invalidArgument(ImagesCommand::tr("bad format of filter (expected name=value): %1").arg(spec));
        if (key == u"dangling" && (value == u"true" || value == u"false"))
            filters.insert(key, value == u"true");
        else if (key == u"dangling")
            return Error::invalidArgument(ImagesCommand::tr("invalid filter 'dangling=%1': use true or false").arg(value));
        else if (key == u"reference")
            references << value;
        else
            filters.insert(key, value);
    }
    if (!references.isEmpty())
        filters.insert(QStringLiteral("reference"), references);
    return filters;
}

void printFormatted(CommandParser &parser, const QList<Row> &rows)
{
    for (const Row &row : rows)
        parser.print(QJsonObject::fromVariantMap({{QStringLiteral("Repository"), row.repository},
                                                  {QStringLiteral("Tag"), row.tag},
                                                  {QStringLiteral("ID"), row.id},
                                                  {QStringLiteral("Digest"), row.digest},
                                                  {QStringLiteral("CreatedAt"), dockerTime(row.created)},
                                                  {QStringLiteral("CreatedSince"), timeAgo(row.created)},
                                                  {QStringLiteral("Size"), dockerSize(row.size)},
                                                  {QStringLiteral("Containers"), QStringLiteral("N/A")}}));
    out().flush();
}

} // namespace

int ImagesCommand::run(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth images [OPTIONS] [REPOSITORY[:TAG]]"), tr("List images"));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")}, tr("Show all images (default hides intermediate images)")});
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, tr("Only show image IDs")});
    parser.addOption({QStringLiteral("digests"), tr("Show digests")});
    parser.addOption({QStringLiteral("no-trunc"), tr("Don't truncate output")});
    parser.addOption({{QStringLiteral("f"), QStringLiteral("filter")},
                      tr("Filter output based on conditions provided"),
                      QStringLiteral("filter")});
    parser.addFormatOption(false);
    if (auto done = parser.parse(arguments))
        return *done;

    auto filters = filtersFrom(parser.flags().values(QStringLiteral("filter")), parser.positional());
    if (!filters) {
        err() << filters.error().message() << Qt::endl;
        return EngineError;
    }
    EngineClient engine;
    const QVariantMap options{{QStringLiteral("all"), parser.flags().isSet(QStringLiteral("all"))},
                              {QStringLiteral("filters"), *filters}};
    const auto reply = engine.call(engine::kImagesInterface, QStringLiteral("ListImages"), {options}, engine::kImagesPath);
    if (!reply)
        return engine.report(reply.error(), Failure);
    const bool noTrunc = parser.flags().isSet(QStringLiteral("no-trunc"));
    const QList<Row> rows = rowsOf(reply->value(0).toList(), noTrunc);
    if (parser.flags().isSet(QStringLiteral("quiet"))) {
        QStringList seen;
        for (const Row &row : rows)
            if (!seen.contains(row.id))
                seen << row.id;
        for (const QString &id : seen)
            out() << id << u'\n';
        out().flush();
        return Success;
    }
    if (parser.formatted()) {
        parser.setTableHeaders({{QStringLiteral("Repository"), tr("REPOSITORY")},
                                {QStringLiteral("Tag"), tr("TAG")},
                                {QStringLiteral("ID"), tr("IMAGE ID")},
                                {QStringLiteral("Digest"), tr("DIGEST")},
                                {QStringLiteral("CreatedAt"), tr("CREATED AT")},
                                {QStringLiteral("CreatedSince"), tr("CREATED")},
                                {QStringLiteral("Size"), tr("SIZE")},
                                {QStringLiteral("Containers"), tr("CONTAINERS")}});
        printFormatted(parser, rows);
        parser.endTable();
        return Success;
    }
    const bool digests = parser.flags().isSet(QStringLiteral("digests"));
    QStringList headers{tr("REPOSITORY"), tr("TAG")};
    if (digests)
        headers << tr("DIGEST");
    headers << tr("IMAGE ID") << tr("CREATED") << tr("SIZE");
    Table table(headers);
    for (const Row &row : rows) {
        QStringList cells{row.repository, row.tag};
        if (digests)
            cells << row.digest;
        cells << row.id << timeAgo(row.created) << dockerSize(row.size);
        table.addRow(cells);
    }
    table.print();
    return Success;
}

} // namespace berth::cli
