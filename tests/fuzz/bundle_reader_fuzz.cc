// Fuzz target: the bundle reader and validator on arbitrary bytes.
// Beyond "does not crash", it checks the writer's contract on every input that is valid: the
// document written from it reads back without issues and writes to the same bytes again.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "bundle/bundle_reader.h"
#include "bundle/bundle_writer.h"
#include "core/bundle_validator.h"
#include "core/dataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace samskab;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bundle::ReadResult read = bundle::read_bundle_text(text, core::Lang::Da);
    for (const auto& issue : read.issues) {
        if (issue.path.empty() || issue.message.empty()) {
            std::abort();  // every issue must say where and what
        }
    }
    const core::IdLookup nothing_stored = [](core::Collection, std::string_view) { return false; };
    const auto issues = core::validate_bundle(read.bundle, core::Lang::En, nothing_stored);
    if (!read.issues.empty() || !issues.empty()) {
        return 0;
    }
    const std::string written = bundle::write_bundle_text(read.bundle);
    const bundle::ReadResult again = bundle::read_bundle_text(written, core::Lang::En);
    if (!again.issues.empty() || bundle::write_bundle_text(again.bundle) != written) {
        std::abort();
    }
    const core::Dataset dataset = core::make_dataset(read.bundle);
    if (dataset.participations.size() != read.bundle.participations.size()) {
        std::abort();
    }
    return 0;
}
