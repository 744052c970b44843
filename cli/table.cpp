#include "table.h"

#include "output.h"

namespace berth::cli {

Table::Table(QStringList headers)
{
    m_rows.append(std::move(headers));
}

void Table::addRow(QStringList cells)
{
    m_rows.append(std::move(cells));
}

void Table::print() const
{
    QList<qsizetype> widths(m_rows.first().size(), 0);
    for (const QStringList &row : m_rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    for (const QStringList &row : m_rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 3) : row[i];
        out() << line << u'\n';
    }
    out().flush();
}

} // namespace berth::cli
