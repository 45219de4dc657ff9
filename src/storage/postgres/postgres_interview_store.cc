// PostgresInterviewStore: the partnership's codebook, interview guides and their questions, as
// SqliteInterviewStore (storage/sqlite/sqlite_interview_store.cc) keeps them.
#include "storage/postgres/postgres_interview_store.h"

#include "core/starting_codebook.h"
#include "storage/postgres/postgres_community_common.h"

namespace samskab::storage::postgres {

namespace {

using core::ErrorCode;
using Tx = pqxx::transaction_base;

std::string new_theme_id(Tx& tx, std::int64_t partnership) {
    while (true) {
        std::string id = random_id("t");
        if (tx.exec_params("SELECT 1 FROM codebook_themes WHERE partnership = $1 AND id = $2",
                           partnership, id)
                .empty()) {
            return id;
        }
    }
}

void insert_theme(Tx& tx, std::int64_t partnership, const core::Theme& theme,
                  std::int64_t position) {
    tx.exec_params(
        "INSERT INTO codebook_themes (partnership, id, position, name_da, name_en, theme_group, "
        "description_da, description_en, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        partnership, theme.id, position, theme.name_da, theme.name_en,
        std::string(core::theme_group_name(theme.group)), theme.description_da,
        theme.description_en, theme.active);
}

core::Result<void> require_guide(Tx& tx, std::int64_t guide) {
    if (tx.exec_params("SELECT 1 FROM interview_guides WHERE pk = $1", guide).empty()) {
        return tl::unexpected(unknown_da("interviewguide", std::to_string(guide), "guide"));
    }
    return {};
}

// The guide and position of a question, or NotFound "question".
core::Result<std::pair<std::int64_t, std::int64_t>> question_place(Tx& tx, std::int64_t question) {
    const pqxx::result rows =
        tx.exec_params("SELECT guide, position FROM interview_questions WHERE pk = $1", question);
    if (rows.empty()) {
        return tl::unexpected(unknown_da("spørgsmål", std::to_string(question), "question"));
    }
    return std::make_pair(rows[0][0].as<std::int64_t>(), rows[0][1].as<std::int64_t>());
}

}  // namespace

std::vector<core::Theme> PostgresInterviewStore::stored_themes(Tx& tx, std::int64_t partnership) {
    std::vector<core::Theme> themes;
    for (const pqxx::row& row : tx.exec_params(
             "SELECT id, name_da, name_en, theme_group, description_da, description_en, active "
             "FROM codebook_themes WHERE partnership = $1 ORDER BY position, id",
             partnership)) {
        themes.push_back(core::Theme{
            row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
            core::parse_theme_group(row[3].as<std::string>()).value_or(core::ThemeGroup::Other),
            row[4].as<std::string>(), row[5].as<std::string>(), row[6].as<bool>()});
    }
    return themes;
}

void PostgresInterviewStore::ensure_codebook(Tx& tx, std::int64_t partnership) {
    if (!tx.exec_params("SELECT 1 FROM codebook_themes WHERE partnership = $1 LIMIT 1", partnership)
             .empty()) {
        return;
    }
    std::int64_t position = 0;
    for (const core::Theme& theme : core::starting_codebook()) {
        insert_theme(tx, partnership, theme, ++position);
    }
}

core::Result<void> PostgresInterviewStore::import_theme(Tx& tx, std::int64_t partnership,
                                                        const core::Theme& theme) {
    if (auto valid = core::validate_theme(theme, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    ensure_codebook(tx, partnership);
    tx.exec_params(
        "INSERT INTO codebook_themes (partnership, id, position, name_da, name_en, theme_group, "
        "description_da, description_en, active) "
        "SELECT $1::bigint, $2::text, coalesce(max(position), 0) + 1, $3::text, $4::text, "
        "$5::text, $6::text, $7::text, $8::boolean FROM codebook_themes WHERE partnership = $1 "
        "ON CONFLICT (partnership, id) DO UPDATE SET name_da = excluded.name_da, "
        "name_en = excluded.name_en, theme_group = excluded.theme_group, "
        "description_da = excluded.description_da, description_en = excluded.description_en, "
        "active = excluded.active",
        partnership, theme.id, theme.name_da, theme.name_en,
        std::string(core::theme_group_name(theme.group)), theme.description_da,
        theme.description_en, theme.active);
    return {};
}

std::vector<core::InterviewQuestion> PostgresInterviewStore::questions_of(Tx& tx,
                                                                          std::int64_t guide) {
    std::vector<core::InterviewQuestion> questions;
    for (const pqxx::row& row :
         tx.exec_params("SELECT pk, text, position FROM interview_questions WHERE guide = $1 "
                        "ORDER BY position, pk",
                        guide)) {
        questions.push_back(core::InterviewQuestion{row[0].as<std::int64_t>(),
                                                    row[1].as<std::string>(), row[2].as<int>()});
    }
    return questions;
}

std::optional<core::InterviewGuide> PostgresInterviewStore::guide_of(Tx& tx, std::int64_t guide) {
    const pqxx::result rows = tx.exec_params(
        "SELECT g.pk, p.id, g.title FROM interview_guides g "
        "JOIN partnerships p ON p.pk = g.partnership WHERE g.pk = $1",
        guide);
    if (rows.empty()) {
        return std::nullopt;
    }
    return core::InterviewGuide{rows[0][0].as<std::int64_t>(), rows[0][1].as<std::string>(),
                                rows[0][2].as<std::string>(), questions_of(tx, guide)};
}

core::Result<std::vector<core::Theme>> PostgresInterviewStore::codebook(
    std::string_view partnership) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::Theme>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        std::vector<core::Theme> themes = stored_themes(tx, key);
        if (themes.empty()) {
            return core::starting_codebook();
        }
        return themes;
    });
}

core::Result<bool> PostgresInterviewStore::has_own_codebook(std::string_view partnership) {
    return m_pool->read([&](Tx& tx) -> core::Result<bool> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        return !tx.exec_params("SELECT 1 FROM codebook_themes WHERE partnership = $1 LIMIT 1", key)
                    .empty();
    });
}

core::Result<std::string> PostgresInterviewStore::save_theme(std::string_view partnership,
                                                             const core::Theme& theme) {
    if (auto valid = core::validate_theme(theme, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::string> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        ensure_codebook(tx, key);
        if (theme.id.empty()) {
            core::Theme added = theme;
            added.id = new_theme_id(tx, key);
            const std::int64_t last =
                tx.exec_params(
                      "SELECT coalesce(max(position), 0) FROM codebook_themes "
                      "WHERE partnership = $1",
                      key)[0][0]
                    .as<std::int64_t>();
            insert_theme(tx, key, added, last + 1);
            return added.id;
        }
        const pqxx::result updated = tx.exec_params(
            "UPDATE codebook_themes SET name_da = $1, name_en = $2, theme_group = $3, "
            "description_da = $4, description_en = $5, active = $6 "
            "WHERE partnership = $7 AND id = $8",
            theme.name_da, theme.name_en, std::string(core::theme_group_name(theme.group)),
            theme.description_da, theme.description_en, theme.active, key, theme.id);
        if (updated.affected_rows() == 0) {
            return tl::unexpected(unknown_da("tema", theme.id, "theme"));
        }
        return theme.id;
    });
}

core::Result<std::vector<core::InterviewGuide>> PostgresInterviewStore::guides(
    std::string_view partnership) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::vector<core::InterviewGuide>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        std::vector<core::InterviewGuide> out;
        for (const pqxx::row& row : tx.exec_params(
                 "SELECT pk FROM interview_guides WHERE partnership = $1 ORDER BY pk", key)) {
            if (auto guide = guide_of(tx, row[0].as<std::int64_t>())) {
                out.push_back(std::move(*guide));
            }
        }
        return out;
    });
}

core::Result<std::optional<core::InterviewGuide>> PostgresInterviewStore::find_guide(
    std::int64_t guide) {
    return m_pool->read([&](Tx& tx) -> core::Result<std::optional<core::InterviewGuide>> {
        return guide_of(tx, guide);
    });
}

core::Result<std::int64_t> PostgresInterviewStore::create_guide(std::string_view partnership,
                                                                std::string_view title) {
    if (auto valid = core::validate_guide_title(title, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(tx, Keyed::Partnerships, partnership, "partnership"));
        const std::string id = new_record_id(tx, "interview_guides", "ig");
        return tx
            .exec_params(
                "INSERT INTO interview_guides (id, partnership, title) VALUES ($1, $2, $3) "
                "RETURNING pk",
                id, key, std::string(title))[0][0]
            .as<std::int64_t>();
    });
}

core::Result<void> PostgresInterviewStore::rename_guide(std::int64_t guide,
                                                        std::string_view title) {
    if (auto valid = core::validate_guide_title(title, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        SAMSKAB_TRY(require_guide(tx, guide));
        tx.exec_params("UPDATE interview_guides SET title = $1 WHERE pk = $2", std::string(title),
                       guide);
        return {};
    });
}

core::Result<std::int64_t> PostgresInterviewStore::add_question(std::int64_t guide,
                                                                std::string_view text) {
    if (auto valid = core::validate_question(text, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Tx& tx) -> core::Result<std::int64_t> {
        SAMSKAB_TRY(require_guide(tx, guide));
        return tx
            .exec_params(
                "INSERT INTO interview_questions (guide, position, text) "
                "VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM interview_questions "
                "WHERE guide = $1), $2) RETURNING pk",
                guide, std::string(text))[0][0]
            .as<std::int64_t>();
    });
}

core::Result<void> PostgresInterviewStore::edit_question(std::int64_t question,
                                                         std::string_view text) {
    if (auto valid = core::validate_question(text, core::Lang::Da); !valid) {
        return tl::unexpected(valid.error());
    }
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        SAMSKAB_TRY(question_place(tx, question));
        tx.exec_params("UPDATE interview_questions SET text = $1 WHERE pk = $2", std::string(text),
                       question);
        return {};
    });
}

core::Result<void> PostgresInterviewStore::move_question(std::int64_t question, int direction) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        std::pair<std::int64_t, std::int64_t> place;
        SAMSKAB_TRY_SET(place, question_place(tx, question));
        const auto [guide, position] = place;
        // The neighbour in the direction of the move, by position.
        const pqxx::result neighbour = tx.exec_params(
            direction < 0 ? "SELECT pk, position FROM interview_questions WHERE guide = $1 "
                            "AND position < $2 ORDER BY position DESC LIMIT 1"
                          : "SELECT pk, position FROM interview_questions WHERE guide = $1 "
                            "AND position > $2 ORDER BY position LIMIT 1",
            guide, position);
        if (neighbour.empty() || direction == 0) {
            return {};
        }
        const std::int64_t other = neighbour[0][0].as<std::int64_t>();
        const std::int64_t other_position = neighbour[0][1].as<std::int64_t>();
        tx.exec_params("UPDATE interview_questions SET position = $1 WHERE pk = $2", other_position,
                       question);
        tx.exec_params("UPDATE interview_questions SET position = $1 WHERE pk = $2", position,
                       other);
        return {};
    });
}

core::Result<void> PostgresInterviewStore::remove_question(std::int64_t question) {
    return m_pool->write([&](Tx& tx) -> core::Result<void> {
        SAMSKAB_TRY(question_place(tx, question));
        if (!tx.exec_params("SELECT 1 FROM interview_notes WHERE question = $1 LIMIT 1", question)
                 .empty()) {
            return tl::unexpected(error_da(ErrorCode::Conflict,
                                           core::Msg::InterviewQuestionHasNotes, "question",
                                           {"Spørgsmålet"}));
        }
        tx.exec_params("DELETE FROM interview_questions WHERE pk = $1", question);
        return {};
    });
}

}  // namespace samskab::storage::postgres
