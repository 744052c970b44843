#pragma once

// A container's output in docker's json-file format: one JSON object per line,
// {"log":"text\n","stream":"stdout","time":"RFC 3339 nano"}, rotated by size.

#include <cstdint>
#include <string>
#include <string_view>

namespace berth::runtime {

class LogWriter
{
public:
    // maxSize 0: never rotate.  maxFiles counts the current file too, as docker's max-file does.
    LogWriter(std::string path, uint64_t maxSize, unsigned maxFiles);
    ~LogWriter();
    LogWriter(const LogWriter &) = delete;
    LogWriter &operator=(const LogWriter &) = delete;

    // Writes every complete line; keeps a partial one until its newline comes, or until it is
    // 16 KiB long (docker splits long lines there too).
    void write(int stream, std::string_view bytes); // stream: 1 stdout, 2 stderr
    void flush(); // the partial lines, at exit

private:
    void writeEntry(int stream, std::string_view line);
    void open();
    void rotate();

    std::string m_path;
    uint64_t m_maxSize;
    unsigned m_maxFiles;
    int m_fd = -1;
    uint64_t m_size = 0;
    std::string m_partial[3];
};

} // namespace berth::runtime
