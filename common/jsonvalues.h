#pragma once

// Qt values to and from nlohmann JSON, for either of its object kinds (json or ordered_json).
//
//     json::array<Json>(QStringList{u"a"_s})    -> ["a"]
//     json::set<Json>({u"80/tcp"_s})             -> {"80/tcp": {}}   (docker's ExposedPorts)
//     json::strings(value)                       -> the strings of an array, others skipped

#include <QMap>
#include <QStringList>

namespace berth::json {

template<typename Json> Json array(const QStringList &list)
{
    Json out = Json::array();
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

template<typename Json> Json set(const QStringList &keys)
{
    Json out = Json::object();
    for (const QString &key : keys)
        out[key.toStdString()] = Json::object();
    return out;
}

template<typename Json> Json map(const QMap<QString, QString> &values)
{
    Json out = Json::object();
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        out[it.key().toStdString()] = it.value().toStdString();
    return out;
}

template<typename Json> QStringList strings(const Json &value)
{
    QStringList out;
    if (value.is_array())
        for (const auto &item : value)
            if (item.is_string())
                out << QString::fromStdString(item.template get<std::string>());
    return out;
}

} // namespace berth::json
