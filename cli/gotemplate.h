#pragma once

// GoTemplate: the part of Go's text/template that docker's --format is used with, applied to
// the JSON documents the CLI prints.
//
//     auto t = GoTemplate::parse(u"{{.State.Status}} {{join .Config.Cmd \" \"}}"_s);
//     if (t) out() << t->execute(inspectDocument);          // "running sleep 1000"
//
// Actions: `{{.}}`, `{{.A.B}}`, string and number literals, function calls with arguments,
// pipelines (`{{.Name | upper}}`), `{{if}}`/`{{else}}`/`{{end}}`, `{{range}}`/`{{else}}`/
// `{{end}}` (over arrays and objects), and the trim markers `{{-` and `-}}`. Functions: Go's
// `index`, `len`, `print`, `println`, `printf` (%s %v %d %q, widths), `eq`, `ne`, `not`, `and`,
// `or`, and docker's `json`, `join`, `split`, `lower`, `upper`, `title`, `truncate`, `pad`. Values print as Go prints them: `[a
// b]` for a list, `map[k:v]` for an object, `<no value>` for a missing field.

#include "result.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QString>

#include <memory>

namespace berth::cli {

class GoTemplate
{
    Q_DECLARE_TR_FUNCTIONS(GoTemplate)
public:
    static Result<GoTemplate> parse(const QString &text);
    Result<QString> execute(const QJsonValue &dot) const;

    struct Node;

private:
    std::shared_ptr<const std::vector<Node>> m_nodes;
};

} // namespace berth::cli
