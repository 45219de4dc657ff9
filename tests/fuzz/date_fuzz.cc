// Fuzz target: date and time parsing. Whatever parses must format back to exactly the input,
// so a date can never be read as a different day than the one written.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace samskab::core;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto day = parse_date(text)) {
        if (format_date(*day) != text) {
            std::abort();
        }
        const Civil civil = civil_from_days(*day);
        if (days_from_civil(civil.year, civil.month, civil.day) != *day) {
            std::abort();
        }
    }
    if (const auto time = parse_local_time(text)) {
        if (format_local_time(*time) != text) {
            std::abort();
        }
    }
    return 0;
}
