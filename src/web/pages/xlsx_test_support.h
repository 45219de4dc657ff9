#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <zlib.h>

// Reading a downloaded workbook in the tests: an .xlsx file is a zip archive of XML parts,
// most of them deflate-compressed. The entries are found through the zip's central directory
// (libxlsxwriter writes the sizes there, not always in the local headers).
namespace samskab::web::pages::testing {

inline std::uint32_t zip_number(const std::string& zip, std::size_t at, int bytes) {
    std::uint32_t value = 0;
    for (int i = bytes - 1; i >= 0; --i) {
        value = (value << 8) | static_cast<unsigned char>(zip.at(at + static_cast<std::size_t>(i)));
    }
    return value;
}

// The uncompressed content of the entry `name` of `zip`, or nullopt when the archive is not a
// zip, has no such entry, or the entry does not inflate.
inline std::optional<std::string> zip_entry(const std::string& zip, std::string_view name) {
    if (zip.size() < 22 || zip.compare(0, 2, "PK") != 0) {
        return std::nullopt;
    }
    std::size_t end = zip.size() - 22;
    while (zip_number(zip, end, 4) != 0x06054b50) {
        if (end == 0) {
            return std::nullopt;
        }
        --end;
    }
    const std::uint32_t count = zip_number(zip, end + 10, 2);
    std::size_t at = zip_number(zip, end + 16, 4);
    for (std::uint32_t i = 0; i < count; ++i) {
        if (zip_number(zip, at, 4) != 0x02014b50) {
            return std::nullopt;
        }
        const std::uint32_t method = zip_number(zip, at + 10, 2);
        const std::uint32_t packed = zip_number(zip, at + 20, 4);
        const std::uint32_t size = zip_number(zip, at + 24, 4);
        const std::uint32_t name_length = zip_number(zip, at + 28, 2);
        const std::uint32_t extra = zip_number(zip, at + 30, 2);
        const std::uint32_t comment = zip_number(zip, at + 32, 2);
        const std::uint32_t local = zip_number(zip, at + 42, 4);
        if (zip.compare(at + 46, name_length, name) == 0 && name_length == name.size()) {
            const std::size_t data =
                local + 30 + zip_number(zip, local + 26, 2) + zip_number(zip, local + 28, 2);
            if (method == 0) {
                return zip.substr(data, packed);
            }
            std::string out(size, '\0');
            z_stream stream{};
            if (method != 8 || inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
                return std::nullopt;
            }
            stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
            stream.avail_in = packed;
            stream.next_out = reinterpret_cast<Bytef*>(out.data());
            stream.avail_out = size;
            const int done = inflate(&stream, Z_FINISH);
            inflateEnd(&stream);
            if (done != Z_STREAM_END) {
                return std::nullopt;
            }
            return out;
        }
        at += 46 + name_length + extra + comment;
    }
    return std::nullopt;
}

}  // namespace samskab::web::pages::testing
