#pragma once

// Table: columns as docker prints them (left-aligned, three spaces apart).

#include <QList>
#include <QStringList>

namespace berth::cli {

class Table
{
public:
    explicit Table(QStringList headers);
    void addRow(QStringList cells);
    void print() const;

private:
    QList<QStringList> m_rows;
};

} // namespace berth::cli
