#pragma once

// Qt values to and from nlohmann JSON, for either of its object kinds (json or ordered_json).
//
//     json::array<Json>(QStringList{u"a"_s})    -> ["a"]
//     json::set<Json>({u"80/tcp"_s})             -> {"80/tcp": {}}   (docker's ExposedPorts)
//     json::strings(value)                       -> the strings of an array, others skipped
//     json::string(object, "Name")               -> the string there, or empty
//     json::field<int>(object, "Pid")            -> the value there, or 0 when missing or not one

#include <QMap>
#include <QStringList>

#include <exception>

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

// A string member of an object; empty when missing or of another type.
template<typename Json> QString string(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->template get<std::string>()) : QString();
}

// A member of an object as T; T{} when missing or not convertible to T.
template<typename T, typename Json> T field(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return T{};
    try {
        return it->template get<T>();
    } catch (const std::exception &) {
        return T{};
    }
}

} // namespace berth::json
