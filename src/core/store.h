#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/bundle.h"
#include "core/dataset.h"
#include "core/result.h"

namespace samskab::core {

// The collections whose records have their own ids and can be referred to.
// The self-evaluation's come last: stores without them (PostgreSQL) answer false for them.
enum class Collection {
    Partnerships,
    Organisations,
    Places,
    People,
    Activities,
    Occurrences,
    LogbookTemplates,
    // A theme of a partnership's stored codebook; its id is codebook_theme_key(partnership, id).
    CodebookThemes,
};

// The id by which Collection::CodebookThemes looks a theme up: themes are identified by
// partnership and id together.
inline std::string codebook_theme_key(std::string_view partnership, std::string_view theme) {
    std::string key(partnership);
    key += '\x1f';
    key += theme;
    return key;
}

// How many records an import wrote, per collection, counting updates as well as inserts.
struct ImportSummary {
    std::size_t partnerships = 0;
    std::size_t organisations = 0;
    std::size_t places = 0;
    std::size_t people = 0;
    std::size_t companions = 0;
    std::size_t activities = 0;
    std::size_t occurrences = 0;
    std::size_t participations = 0;
    std::size_t visits = 0;
    std::size_t relations = 0;
    std::size_t pathways = 0;
    std::size_t logbook_templates = 0;
    std::size_t logbook_entries = 0;
    std::size_t codes = 0;
    std::size_t interview_guides = 0;
    std::size_t interviews = 0;     // created: a stored interview imported again is left as it is
    std::size_t survey_rounds = 0;  // created: a stored round imported again is left as it is
    std::size_t survey_responses = 0;  // the responses of the rounds created
};

// A partnership's data at rest. Implementations: storage/sqlite (embedded, the default) and
// storage/postgres. Every method is one transaction: it either completes or changes nothing.
// Failures of the database itself are returned as ErrorCode::Storage.
class Store {
public:
    virtual ~Store() = default;

    // Whether a record with `id` is stored in `collection`. Lets a bundle that carries only part
    // of a partnership's data (say, a month of participations) refer to what is already there.
    virtual Result<bool> contains(Collection collection, std::string_view id) = 0;

    // Writes every record of a validated bundle. A record whose key is already stored (its id,
    // or for records without id their natural key: participation = person + occurrence, visit =
    // person + place + date, companion link = person + companion + partnership + from, relation =
    // pair + since, pathway = person + date + kind, code = partnership + id) is updated rather
    // than duplicated. A store without logbooks (PostgreSQL) refuses a bundle that has
    // self-evaluation records as Invalid instead of dropping them.
    // All or nothing: on any failure nothing is written.
    virtual Result<ImportSummary> import_bundle(const Bundle& bundle) = 0;

    // Everything stored, in a stable order (records with ids by id; the others by their natural
    // key), so that export -> import into an empty store -> export is byte-identical.
    virtual Result<Bundle> export_bundle() = 0;

    // Everything stored, in the compact form of the analytics.
    virtual Result<Dataset> load_dataset() = 0;
};

}  // namespace samskab::core
