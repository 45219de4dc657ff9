// SqliteInterviewStore: the partnership's codebook, interview guides and their questions.
#include "storage/sqlite/sqlite_interview_store.h"

#include <sqlite3.h>

#include <cstdio>

#include "core/starting_codebook.h"

namespace samskab::storage::sqlite {

namespace {

using core::ErrorCode;

// A validator's Invalid error in Danish, as the store reports it.
template <class R>
tl::unexpected<core::Error> invalid(const R& result) {
    return tl::unexpected(result.error());
}

// "<prefix>-" and 48 random bits in hex: a clash is unlikely but checked by the caller.
std::string random_id(std::string_view prefix) {
    unsigned char bytes[6];
    sqlite3_randomness(sizeof bytes, bytes);
    std::string id(prefix);
    id += '-';
    char hex[3];
    for (unsigned char byte : bytes) {
        std::snprintf(hex, sizeof hex, "%02x", byte);
        id += hex;
    }
    return id;
}

core::Result<std::string> new_theme_id(Connection& c, std::int64_t partnership) {
    while (true) {
        std::string id = random_id("t");
        Query probe(c, "SELECT 1 FROM codebook_themes WHERE partnership = ? AND id = ?");
        probe.bind(1, partnership).bind(2, id);
        auto row = probe.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return id;
        }
    }
}

core::Result<void> insert_theme(Connection& c, std::int64_t partnership, const core::Theme& theme,
                                std::int64_t position) {
    Query insert(c,
                 "INSERT INTO codebook_themes (partnership, id, position, name_da, name_en, "
                 "theme_group, description_da, description_en, active) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, partnership)
        .bind(2, theme.id)
        .bind(3, position)
        .bind(4, theme.name_da)
        .bind(5, theme.name_en)
        .bind(6, core::theme_group_name(theme.group))
        .bind(7, theme.description_da)
        .bind(8, theme.description_en)
        .bind(9, std::int64_t{theme.active ? 1 : 0});
    return insert.run();
}

core::Result<std::optional<std::int64_t>> guide_partnership(Connection& c, std::int64_t guide) {
    Query query(c, "SELECT partnership FROM interview_guides WHERE pk = ?");
    query.bind(1, guide);
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::nullopt;
    }
    return query.integer(0);
}

core::Result<void> require_guide(Connection& c, std::int64_t guide) {
    auto found = guide_partnership(c, guide);
    if (!found) {
        return tl::unexpected(found.error());
    }
    if (!*found) {
        return tl::unexpected(unknown_da("interviewguide", std::to_string(guide), "guide"));
    }
    return {};
}

// The guide and position of a question, or NotFound "question".
core::Result<std::pair<std::int64_t, std::int64_t>> question_place(Connection& c,
                                                                   std::int64_t question) {
    Query query(c, "SELECT guide, position FROM interview_questions WHERE pk = ?");
    query.bind(1, question);
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return tl::unexpected(unknown_da("spørgsmål", std::to_string(question), "question"));
    }
    return std::make_pair(query.integer(0), query.integer(1));
}

}  // namespace

core::Result<std::vector<core::Theme>> SqliteInterviewStore::stored_themes(
    Connection& c, std::int64_t partnership) {
    Query query(c,
                "SELECT id, name_da, name_en, theme_group, description_da, description_en, active "
                "FROM codebook_themes WHERE partnership = ? ORDER BY position, id");
    query.bind(1, partnership);
    std::vector<core::Theme> themes;
    SAMSKAB_TRY(query.for_each_row([&] {
        themes.push_back(
            core::Theme{query.text(0), query.text(1), query.text(2),
                        core::parse_theme_group(query.text(3)).value_or(core::ThemeGroup::Other),
                        query.text(4), query.text(5), query.integer(6) != 0});
    }));
    return themes;
}

core::Result<std::string> SqliteInterviewStore::new_record_id(Connection& c,
                                                              std::string_view table,
                                                              std::string_view prefix) {
    while (true) {
        std::string id = random_id(prefix);
        Query probe(c, "SELECT 1 FROM " + std::string(table) + " WHERE id = ?");
        probe.bind(1, id);
        auto row = probe.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row) {
            return id;
        }
    }
}

core::Result<void> SqliteInterviewStore::ensure_codebook(Connection& c, std::int64_t partnership) {
    Query any(c, "SELECT 1 FROM codebook_themes WHERE partnership = ? LIMIT 1");
    any.bind(1, partnership);
    auto row = any.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (*row) {
        return {};
    }
    std::int64_t position = 0;
    for (const core::Theme& theme : core::starting_codebook()) {
        SAMSKAB_TRY(insert_theme(c, partnership, theme, ++position));
    }
    return {};
}

core::Result<void> SqliteInterviewStore::import_theme(Connection& c, std::int64_t partnership,
                                                      const core::Theme& theme) {
    if (auto valid = core::validate_theme(theme, core::Lang::Da); !valid) {
        return invalid(valid);
    }
    SAMSKAB_TRY(ensure_codebook(c, partnership));
    Query upsert(c,
                 "INSERT INTO codebook_themes (partnership, id, position, name_da, name_en, "
                 "theme_group, description_da, description_en, active) "
                 "SELECT ?1, ?2, coalesce(max(position), 0) + 1, ?3, ?4, ?5, ?6, ?7, ?8 "
                 "FROM codebook_themes WHERE partnership = ?1 "
                 "ON CONFLICT (partnership, id) DO UPDATE SET name_da = excluded.name_da, "
                 "name_en = excluded.name_en, theme_group = excluded.theme_group, "
                 "description_da = excluded.description_da, "
                 "description_en = excluded.description_en, active = excluded.active");
    upsert.bind(1, partnership)
        .bind(2, theme.id)
        .bind(3, theme.name_da)
        .bind(4, theme.name_en)
        .bind(5, core::theme_group_name(theme.group))
        .bind(6, theme.description_da)
        .bind(7, theme.description_en)
        .bind(8, std::int64_t{theme.active ? 1 : 0});
    return upsert.run();
}

core::Result<std::vector<core::InterviewQuestion>> SqliteInterviewStore::questions_of(
    Connection& c, std::int64_t guide) {
    Query query(c,
                "SELECT pk, text, position FROM interview_questions WHERE guide = ? "
                "ORDER BY position, pk");
    query.bind(1, guide);
    std::vector<core::InterviewQuestion> questions;
    SAMSKAB_TRY(query.for_each_row([&] {
        questions.push_back(core::InterviewQuestion{query.integer(0), query.text(1),
                                                    static_cast<int>(query.integer(2))});
    }));
    return questions;
}

core::Result<std::optional<core::InterviewGuide>> SqliteInterviewStore::guide_of(
    Connection& c, std::int64_t guide) {
    Query query(c,
                "SELECT g.pk, p.id, g.title FROM interview_guides g "
                "JOIN partnerships p ON p.pk = g.partnership WHERE g.pk = ?");
    query.bind(1, guide);
    auto row = query.step();
    if (!row) {
        return tl::unexpected(row.error());
    }
    if (!*row) {
        return std::nullopt;
    }
    core::InterviewGuide found{query.integer(0), query.text(1), query.text(2), {}};
    SAMSKAB_TRY_SET(found.questions, questions_of(c, guide));
    return found;
}

core::Result<std::vector<core::Theme>> SqliteInterviewStore::codebook(
    std::string_view partnership) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::Theme>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        std::vector<core::Theme> themes;
        SAMSKAB_TRY_SET(themes, stored_themes(c, key));
        if (themes.empty()) {
            return core::starting_codebook();
        }
        return themes;
    });
}

core::Result<bool> SqliteInterviewStore::has_own_codebook(std::string_view partnership) {
    return m_pool->read([&](Connection& c) -> core::Result<bool> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        Query any(c, "SELECT 1 FROM codebook_themes WHERE partnership = ? LIMIT 1");
        any.bind(1, key);
        return any.step();
    });
}

core::Result<std::string> SqliteInterviewStore::save_theme(std::string_view partnership,
                                                           const core::Theme& theme) {
    if (auto valid = core::validate_theme(theme, core::Lang::Da); !valid) {
        return invalid(valid);
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::string> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        SAMSKAB_TRY(ensure_codebook(c, key));
        if (theme.id.empty()) {
            core::Theme added = theme;
            SAMSKAB_TRY_SET(added.id, new_theme_id(c, key));
            Query last(c,
                       "SELECT coalesce(max(position), 0) FROM codebook_themes "
                       "WHERE partnership = ?");
            last.bind(1, key);
            SAMSKAB_TRY(last.step());
            const std::int64_t position = last.integer(0) + 1;
            SAMSKAB_TRY(insert_theme(c, key, added, position));
            return added.id;
        }
        Query update(c,
                     "UPDATE codebook_themes SET name_da = ?, name_en = ?, theme_group = ?, "
                     "description_da = ?, description_en = ?, active = ? "
                     "WHERE partnership = ? AND id = ?");
        update.bind(1, theme.name_da)
            .bind(2, theme.name_en)
            .bind(3, core::theme_group_name(theme.group))
            .bind(4, theme.description_da)
            .bind(5, theme.description_en)
            .bind(6, std::int64_t{theme.active ? 1 : 0})
            .bind(7, key)
            .bind(8, theme.id);
        SAMSKAB_TRY(update.run());
        if (c.db().changes() == 0) {
            return tl::unexpected(unknown_da("tema", theme.id, "theme"));
        }
        return theme.id;
    });
}

core::Result<std::vector<core::InterviewGuide>> SqliteInterviewStore::guides(
    std::string_view partnership) {
    return m_pool->read([&](Connection& c) -> core::Result<std::vector<core::InterviewGuide>> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        std::vector<std::int64_t> ids;
        {
            Query query(c, "SELECT pk FROM interview_guides WHERE partnership = ? ORDER BY pk");
            query.bind(1, key);
            SAMSKAB_TRY(query.for_each_row([&] { ids.push_back(query.integer(0)); }));
        }
        std::vector<core::InterviewGuide> out;
        for (std::int64_t id : ids) {
            std::optional<core::InterviewGuide> guide;
            SAMSKAB_TRY_SET(guide, guide_of(c, id));
            if (guide) {
                out.push_back(std::move(*guide));
            }
        }
        return out;
    });
}

core::Result<std::optional<core::InterviewGuide>> SqliteInterviewStore::find_guide(
    std::int64_t guide) {
    return m_pool->read([&](Connection& c) { return guide_of(c, guide); });
}

core::Result<std::int64_t> SqliteInterviewStore::create_guide(std::string_view partnership,
                                                              std::string_view title) {
    if (auto valid = core::validate_guide_title(title, core::Lang::Da); !valid) {
        return invalid(valid);
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        std::int64_t key = 0;
        SAMSKAB_TRY_SET(key, require_key(c, Keyed::Partnerships, partnership, "partnership"));
        std::string id;
        SAMSKAB_TRY_SET(id, new_record_id(c, "interview_guides", "ig"));
        Query insert(c,
                     "INSERT INTO interview_guides (id, partnership, title) VALUES (?, ?, ?) "
                     "RETURNING pk");
        insert.bind(1, id).bind(2, key).bind(3, title);
        SAMSKAB_TRY(insert.step());
        return insert.integer(0);
    });
}

core::Result<void> SqliteInterviewStore::rename_guide(std::int64_t guide, std::string_view title) {
    if (auto valid = core::validate_guide_title(title, core::Lang::Da); !valid) {
        return invalid(valid);
    }
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        SAMSKAB_TRY(require_guide(c, guide));
        Query update(c, "UPDATE interview_guides SET title = ? WHERE pk = ?");
        update.bind(1, title).bind(2, guide);
        return update.run();
    });
}

core::Result<std::int64_t> SqliteInterviewStore::add_question(std::int64_t guide,
                                                              std::string_view text) {
    if (auto valid = core::validate_question(text, core::Lang::Da); !valid) {
        return invalid(valid);
    }
    return m_pool->write([&](Connection& c) -> core::Result<std::int64_t> {
        SAMSKAB_TRY(require_guide(c, guide));
        Query insert(c,
                     "INSERT INTO interview_questions (guide, position, text) "
                     "VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM interview_questions "
                     "WHERE guide = ?1), ?2) RETURNING pk");
        insert.bind(1, guide).bind(2, text);
        SAMSKAB_TRY(insert.step());
        return insert.integer(0);
    });
}

core::Result<void> SqliteInterviewStore::edit_question(std::int64_t question,
                                                       std::string_view text) {
    if (auto valid = core::validate_question(text, core::Lang::Da); !valid) {
        return invalid(valid);
    }
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        SAMSKAB_TRY(question_place(c, question));
        Query update(c, "UPDATE interview_questions SET text = ? WHERE pk = ?");
        update.bind(1, text).bind(2, question);
        return update.run();
    });
}

core::Result<void> SqliteInterviewStore::move_question(std::int64_t question, int direction) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        std::pair<std::int64_t, std::int64_t> place;
        SAMSKAB_TRY_SET(place, question_place(c, question));
        const auto [guide, position] = place;
        // The neighbour in the direction of the move, by position.
        Query neighbour(c, direction < 0
                               ? "SELECT pk, position FROM interview_questions WHERE guide = ? "
                                 "AND position < ? ORDER BY position DESC LIMIT 1"
                               : "SELECT pk, position FROM interview_questions WHERE guide = ? "
                                 "AND position > ? ORDER BY position LIMIT 1");
        neighbour.bind(1, guide).bind(2, position);
        auto row = neighbour.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (!*row || direction == 0) {
            return {};
        }
        const std::int64_t other = neighbour.integer(0);
        const std::int64_t other_position = neighbour.integer(1);
        Query swap(c, "UPDATE interview_questions SET position = ? WHERE pk = ?");
        swap.bind(1, other_position).bind(2, question);
        SAMSKAB_TRY(swap.run());
        Query back(c, "UPDATE interview_questions SET position = ? WHERE pk = ?");
        back.bind(1, position).bind(2, other);
        return back.run();
    });
}

core::Result<void> SqliteInterviewStore::remove_question(std::int64_t question) {
    return m_pool->write([&](Connection& c) -> core::Result<void> {
        SAMSKAB_TRY(question_place(c, question));
        Query notes(c, "SELECT 1 FROM interview_notes WHERE question = ? LIMIT 1");
        notes.bind(1, question);
        auto row = notes.step();
        if (!row) {
            return tl::unexpected(row.error());
        }
        if (*row) {
            return tl::unexpected(error_da(ErrorCode::Conflict,
                                           core::Msg::InterviewQuestionHasNotes, "question",
                                           {"Spørgsmålet"}));
        }
        Query remove(c, "DELETE FROM interview_questions WHERE pk = ?");
        remove.bind(1, question);
        return remove.run();
    });
}

}  // namespace samskab::storage::sqlite
