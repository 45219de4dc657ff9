#include "core/messages.h"

#include <array>
#include <utility>

namespace samskab::core {

namespace {

struct Text {
    Msg id;
    std::string_view da;
    std::string_view en;
};

// Easy words: coordinators read these when a file they made is refused.
constexpr std::array TEXTS = {
    Text{Msg::InvalidJson, "filen er ikke gyldig JSON (ved byte {}): {}",
         "the file is not valid JSON (at byte {}): {}"},
    Text{Msg::InvalidJsonValue, "filen har en værdi, der ikke kan læses: {}",
         "the file has a value that cannot be read: {}"},
    Text{Msg::MustBeObject, "skal være et objekt {…}", "must be an object {…}"},
    Text{Msg::MustBeArray, "skal være en liste […]", "must be a list […]"},
    Text{Msg::MustBeString, "skal være en tekst", "must be a string"},
    Text{Msg::MustBeNonEmptyString, "skal være en tekst, der ikke er tom",
         "must be a non-empty string"},
    Text{Msg::MustBeBoolean, "skal være true eller false", "must be true or false"},
    Text{Msg::MustBeNumber, "skal være et tal", "must be a number"},
    Text{Msg::MustBeDate, "skal være en dato som ÅÅÅÅ-MM-DD, ikke {}",
         "must be a date as YYYY-MM-DD, not {}"},
    Text{Msg::MustBeTime, "skal være et tidspunkt som ÅÅÅÅ-MM-DDTTT:MM:SS, ikke {}",
         "must be a time as YYYY-MM-DDTHH:MM:SS, not {}"},
    Text{Msg::Required, "mangler (skal udfyldes)", "is missing (required)"},
    Text{Msg::UnknownField, "ukendt felt (stavefejl?)", "unknown field (a typo?)"},
    Text{Msg::UnknownValue, "ukendt værdi \"{}\"; tilladt er: {}",
         "unknown value \"{}\"; allowed: {}"},
    Text{Msg::WrongFormat, "skal være \"{}\", ikke {}", "must be \"{}\", not {}"},
    Text{Msg::DuplicateId, "id \"{}\" er brugt før (i {})", "id \"{}\" is used before (at {})"},
    Text{Msg::DuplicateRecord, "står der allerede (i {})", "is already there (at {})"},
    Text{Msg::UnknownReference, "ukendt {} \"{}\"", "unknown {} \"{}\""},
    Text{Msg::SupportNeedWithoutConsent,
         "støttebehov må kun registreres med samtykke (consent.support_need: true)",
         "a support need may only be recorded with consent (consent.support_need: true)"},
    Text{Msg::EndsBeforeStart, "må ikke ligge før {} ({})", "must not be before {} ({})"},
    Text{Msg::SelfRelation, "en relation skal være mellem to forskellige personer",
         "a relation must be between two different people"},
    Text{Msg::SelfCompanion, "en person kan ikke være sin egen følgeperson",
         "a person cannot be their own companion"},
    Text{Msg::OverlappingRelation,
         "relationen mellem \"{}\" og \"{}\" overlapper en anden periode af samme par (i {})",
         "the relation between \"{}\" and \"{}\" overlaps another period of the same pair (at {})"},
    Text{Msg::ThresholdOutOfRange, "skal være et tal mellem 0 og 1",
         "must be a number from 0 to 1"},
    Text{Msg::WeekdayOutOfRange, "skal være en ugedag fra 1 (mandag) til 7 (søndag)",
         "must be a weekday from 1 (Monday) to 7 (Sunday)"},
    Text{Msg::MinuteOutOfRange, "skal være et klokkeslæt fra 00:00 til 24:00",
         "must be a time of day from 00:00 to 24:00"},
    Text{Msg::EndNotAfterStart, "skal ligge efter starten", "must be after the start"},
    Text{Msg::ScheduleTooLong, "må højst ligge {} år efter startdatoen",
         "may be at most {} years after the first date"},
    Text{Msg::MustBeEmail, "skal være en e-mailadresse som navn@eksempel.dk",
         "must be an email address such as name@example.dk"},
    Text{Msg::EmailTaken, "er allerede i brug", "is already in use"},
    Text{Msg::PasswordTooShort, "skal være mindst {} tegn", "must be at least {} characters"},
    Text{Msg::LoginWrong, "e-mail eller adgangskode er forkert",
         "the email or the password is wrong"},
    Text{Msg::LoginWaiting, "for mange forkerte forsøg; vent {} minutter, og prøv igen",
         "too many wrong attempts; wait {} minutes and try again"},
    Text{Msg::InvitationInvalid, "invitationen er ukendt, allerede brugt eller udløbet",
         "the invitation is unknown, already used or expired"},
    Text{Msg::AlreadyEnded, "er allerede slut", "has already ended"},
    Text{Msg::PasswordWrong, "adgangskoden er forkert", "the password is wrong"},
    Text{Msg::HashFailed, "adgangskoden kunne ikke behandles (ikke nok hukommelse); prøv igen",
         "the password could not be processed (not enough memory); try again"},
    Text{Msg::HttpNotFound, "Siden findes ikke. Tjek adressen, eller gå til forsiden.",
         "The page does not exist. Check the address, or go to the front page."},
    Text{Msg::HttpMethodNotAllowed, "Adressen findes, men kan ikke bruges på den måde.",
         "The address exists, but cannot be used that way."},
    Text{Msg::HttpSignInRequired, "Du skal logge ind først.", "You need to log in first."},
    Text{Msg::HttpNoAccess, "Du har ikke adgang til denne side.",
         "You do not have access to this page."},
    Text{Msg::HttpFormExpired,
         "Formularen er udløbet eller kom ikke fra samskab. Gå tilbage, hent siden igen, og prøv "
         "igen.",
         "The form has expired or did not come from samskab. Go back, reload the page and try "
         "again."},
    Text{Msg::HttpTooLarge, "Det sendte er for stort (højst {} kB).",
         "What was sent is too large (at most {} kB)."},
    Text{Msg::HttpHeadersTooLarge,
         "Forespørgslens headere er for store (højst {} kB). Slet sidens cookies, og prøv igen.",
         "The request's headers are too large (at most {} kB). Delete the site's cookies and try "
         "again."},
    Text{Msg::HttpNotForm, "Formularen skal sendes som application/x-www-form-urlencoded.",
         "The form must be sent as application/x-www-form-urlencoded."},
    Text{Msg::HttpBadEncoding,
         "feltet \"{}\" er ikke korrekt kodet (et %-tegn skal efterfølges af to hex-cifre)",
         "the field \"{}\" is not correctly encoded (a % sign must be followed by two hex "
         "digits)"},
    Text{Msg::HttpBadUtf8, "feltet \"{}\" indeholder tegn, der ikke kan læses (ugyldig UTF-8)",
         "the field \"{}\" contains characters that cannot be read (invalid UTF-8)"},
    Text{Msg::HttpBadPath, "Adressen er ugyldig (forkert kodet).",
         "The address is invalid (badly encoded)."},
    Text{Msg::HttpInternalError,
         "Der skete en fejl hos os. Prøv igen om lidt; fejlen er skrevet i loggen.",
         "Something went wrong on our side. Try again in a moment; the error has been logged."},
    Text{Msg::CannotListen, "kan ikke lytte på {}: {}", "cannot listen on {}: {}"},
    Text{Msg::HttpFrontPage, "Gå til forsiden", "Go to the front page"},
    Text{Msg::PersonHasAccount, "har allerede en konto", "already has an account"},
    Text{Msg::BackupPostgres,
         "{} virker kun på SQLite-filer; en PostgreSQL-database sikkerhedskopieres med pg_dump og "
         "genskabes med pg_restore",
         "{} works on SQLite files only; back up a PostgreSQL database with pg_dump and restore "
         "it with pg_restore"},
    Text{Msg::BackupSameFile, "FILE: er selve databasen; vælg en anden fil",
         "FILE: is the database itself; choose another file"},
    Text{Msg::BackupNotAFile, "FILE: {} er ikke en almindelig fil; vælg en fil",
         "FILE: {} is not a regular file; choose a file"},
    Text{Msg::BackupBusy, "{}: databasen var optaget i {} sekunder; prøv igen",
         "{}: the database was busy for {} seconds; try again"},
    Text{Msg::BackupNotSamskab, "{}: er ikke en samskab-database ({})",
         "{}: is not a samskab database ({})"},
    Text{Msg::BackupDamaged, "{}: databasen er beskadiget (integrity_check: {})",
         "{}: the database is damaged (integrity_check: {})"},
    Text{Msg::BackupTooNew,
         "{}: databasen har skemaversion {}, nyere end denne samskab ({}); brug en nyere samskab",
         "{}: the database has schema version {}, newer than this samskab ({}); use a newer "
         "samskab"},
    Text{Msg::BackupPageSize,
         "{}: sidestørrelsen ({} byte) er en anden end databasens ({} byte); stop serveren, og "
         "genskab til en ny fil",
         "{}: its page size ({} bytes) differs from the database's ({} bytes); stop the server "
         "and restore into a new file"},
    Text{Msg::BackupOtherKey,
         "{}: er krypteret med nøglen {}, men databasen åbnes med nøglen {}; angiv "
         "sikkerhedskopiens nøglefil med --key-file",
         "{}: is sealed under key {}, but the database is opened with key {}; give the backup's "
         "key file with --key-file"},
    Text{Msg::BackupWritten, "Sikkerhedskopien er gemt i {} ({} kB, skemaversion {})",
         "The backup is saved in {} ({} kB, schema version {})"},
    Text{Msg::BackupSound, "{} er en sund samskab-database (skemaversion {})",
         "{} is a sound samskab database (schema version {})"},
    Text{Msg::RestoreDone, "Databasen {} er genskabt fra {} (skemaversion {})",
         "The database {} is restored from {} (schema version {})"},
    Text{Msg::LogbookNameMissing, "skabelonen skal have et navn", "the template needs a name"},
    Text{Msg::LogbookKeyFormat,
         "feltet \"{}\": nøglen \"{}\" må kun have små bogstaver a-z, tal og _ (højst {} tegn)",
         "field \"{}\": the key \"{}\" may only have lower-case letters a-z, digits and _ (at "
         "most {} characters)"},
    Text{Msg::LogbookDuplicateKey, "feltet \"{}\": nøglen \"{}\" er brugt af et andet felt",
         "field \"{}\": the key \"{}\" is used by another field"},
    Text{Msg::LogbookLabelMissing, "feltet med nøglen \"{}\" mangler en overskrift",
         "the field with the key \"{}\" needs a label"},
    Text{Msg::LogbookOptionsMissing, "feltet \"{}\" skal have mindst to valgmuligheder",
         "the field \"{}\" needs at least two options"},
    Text{Msg::LogbookOptionDuplicate, "feltet \"{}\" har valgmuligheden \"{}\" to gange",
         "the field \"{}\" has the option \"{}\" twice"},
    Text{Msg::LogbookOptionFormat,
         "feltet \"{}\": en valgmulighed skal være en linje med højst {} tegn",
         "field \"{}\": an option must be one line of at most {} characters"},
    Text{Msg::LogbookTooManyFields, "en skabelon kan højst have {} felter",
         "a template can have at most {} fields"},
    Text{Msg::LogbookTooLong, "\"{}\" er for lang (højst {} tegn)",
         "\"{}\" is too long (at most {} characters)"},
    Text{Msg::LogbookValueRequired, "\"{}\" skal udfyldes", "\"{}\" is required"},
    Text{Msg::LogbookValueNumber, "\"{}\" skal være et tal, ikke \"{}\"",
         "\"{}\" must be a number, not \"{}\""},
    Text{Msg::LogbookValueScale, "\"{}\" skal være et tal fra 1 til 5, ikke \"{}\"",
         "\"{}\" must be a number from 1 to 5, not \"{}\""},
    Text{Msg::LogbookValueYesNo, "\"{}\" skal være ja eller nej, ikke \"{}\"",
         "\"{}\" must be yes or no, not \"{}\""},
    Text{Msg::LogbookValueDate, "\"{}\" skal være en dato som ÅÅÅÅ-MM-DD, ikke \"{}\"",
         "\"{}\" must be a date as YYYY-MM-DD, not \"{}\""},
    Text{Msg::LogbookValueChoice, "\"{}\": \"{}\" er ikke en af valgmulighederne",
         "\"{}\": \"{}\" is not one of the options"},
    Text{Msg::LogbookValueOneChoice, "\"{}\" har kun ét svar", "\"{}\" takes one answer only"},
    Text{Msg::LogbookValuePerson, "\"{}\": ukendt person \"{}\"", "\"{}\": unknown person \"{}\""},
    Text{Msg::LogbookValueUnknownField, "feltet \"{}\" findes ikke i skabelonens version {}",
         "the field \"{}\" is not in version {} of the template"},
    Text{Msg::LogbookEntryEmpty, "udfyld mindst ét felt", "fill in at least one field"},
    Text{Msg::LogbookVersionUnknown, "skabelonen har ingen version {}",
         "the template has no version {}"},
    Text{Msg::KeyFileMissing,
         "nøglefilen {} findes ikke, og databasen {} kan ikke åbnes uden den; angiv den med "
         "--key-file eller SAMSKAB_KEY_FILE (samskab init laver en til en database uden nøgle)",
         "the key file {} does not exist, and the database {} cannot be opened without it; name "
         "it with --key-file or SAMSKAB_KEY_FILE (samskab init makes one for a database without "
         "a key)"},
    Text{Msg::KeyFileExposed,
         "nøglefilen {} kan læses af andre end ejeren (rettigheder {}); ret det med chmod 600 {}",
         "the key file {} is readable by others than its owner (mode {}); fix it with chmod 600 "
         "{}"},
    Text{Msg::KeyFileUnreadable, "nøglefilen {} kan ikke læses eller skrives: {}",
         "the key file {} cannot be read or written: {}"},
    Text{Msg::KeyFileMalformed,
         "nøglefilen {} er ikke en samskab-nøgle (64 hexadecimale tegn på én linje)",
         "the key file {} is not a samskab key (64 hexadecimal characters on one line)"},
    Text{Msg::KeyFileExists, "nøglefilen {} findes allerede; den overskrives ikke",
         "the key file {} already exists; it is not overwritten"},
    Text{Msg::KeyFileCreated, "Ny nøgle i {} (kun læsbar for ejeren); tag en kopi et sikkert sted",
         "A new key in {} (readable by its owner only); keep a copy in a safe place"},
    Text{Msg::KeyWrong,
         "{}: databasen er krypteret med nøglen {}, men nøglefilen har nøglen {}; brug den "
         "rigtige nøglefil",
         "{}: the database is encrypted with key {}, but the key file holds key {}; use the right "
         "key file"},
    Text{Msg::KeyFileNeeded,
         "--key-file: en PostgreSQL-database skal have en nøglefil; angiv den med --key-file "
         "eller SAMSKAB_KEY_FILE (den laves, hvis den ikke findes, til en ny database)",
         "--key-file: a PostgreSQL database needs a key file; name it with --key-file or "
         "SAMSKAB_KEY_FILE (it is made, if it does not exist, for a new database)"},
    Text{Msg::KeyNeeded,
         "{}: databasen er krypteret med nøglen {} og kan ikke åbnes uden sin nøglefil",
         "{}: the database is encrypted with key {} and cannot be opened without its key file"},
    Text{Msg::SealedOtherKey, "{}: værdien er krypteret med en anden nøgle ({})",
         "{}: the value is encrypted with another key ({})"},
    Text{Msg::SealedDoesNotOpen,
         "{}: den krypterede værdi kan ikke åbnes (forkert nøgle, ændret eller flyttet)",
         "{}: the encrypted value does not open (wrong key, altered or moved)"},
    Text{Msg::KeyRotated, "Databasen {} er krypteret om med den nye nøgle {} i {}",
         "The database {} is re-encrypted with the new key {} in {}"},
    Text{Msg::InterviewFieldMissing, "{} mangler (skal udfyldes)", "{} is missing (required)"},
    Text{Msg::InterviewFieldTooLong, "{} er for lang (højst {} tegn)",
         "{} is too long (at most {} characters)"},
    Text{Msg::InterviewQuoteNotInNote,
         "{} skal stå ordret i noten; kopiér det stykke af noten, du vil kode",
         "{} must appear word for word in the note; copy the part of the note you want to code"},
    Text{Msg::InterviewThemeRetired,
         "{}: temaet \"{}\" er taget ud af brug; vælg et tema, der er i brug",
         "{}: the theme \"{}\" is retired; choose a theme that is in use"},
    Text{Msg::InterviewQuestionHasNotes,
         "{}: der er skrevet noter til spørgsmålet, så det kan ikke slettes; ret teksten i stedet",
         "{}: notes have been written to the question, so it cannot be deleted; edit its text "
         "instead"},
    Text{Msg::InterviewHalfYearFormat, "{} skal skrives som 2026-H1 eller 2026-H2",
         "{} must be written as 2026-H1 or 2026-H2"},
    Text{Msg::InterviewUnknownItem, "{}: ukendt punkt \"{}\"", "{}: unknown item \"{}\""},
    Text{Msg::InterviewUnknownValue, "{}: ukendt værdi \"{}\"; tilladt er: {}",
         "{}: unknown value \"{}\"; allowed: {}"},
    Text{Msg::InterviewLabelThemeNameDa, "Temaets danske navn", "The theme's Danish name"},
    Text{Msg::InterviewLabelThemeNameEn, "Temaets engelske navn", "The theme's English name"},
    Text{Msg::InterviewLabelThemeGroup, "Temaets gruppe", "The theme's group"},
    Text{Msg::InterviewLabelThemeDescription, "Temaets beskrivelse", "The theme's description"},
    Text{Msg::InterviewLabelGuideTitle, "Interviewguidens titel", "The interview guide's title"},
    Text{Msg::InterviewLabelQuestion, "Spørgsmålet", "The question"},
    Text{Msg::InterviewLabelInterviewDate, "Interviewets dato", "The interview's date"},
    Text{Msg::InterviewLabelInterviewer, "Intervieweren", "The interviewer"},
    Text{Msg::InterviewLabelInterviewee, "Beskrivelsen af den interviewede",
         "The description of the interviewee"},
    Text{Msg::InterviewLabelInterviewGuide, "Interviewguiden", "The interview guide"},
    Text{Msg::InterviewLabelNote, "Noten", "The note"},
    Text{Msg::InterviewLabelQuote, "Citatet", "The quote"},
    Text{Msg::InterviewLabelTheme, "Temaet", "The theme"},
    Text{Msg::InterviewLabelHalfYear, "Halvåret", "The half-year"},
    Text{Msg::InterviewLabelRating, "Vurderingen", "The rating"},
    Text{Msg::InterviewLabelComment, "Kommentaren", "The comment"},
    Text{Msg::SurveyLabelTitle, "Titlen", "The title"},
    Text{Msg::SurveyLabelAnswer, "Svaret", "The answer"},
    Text{Msg::SurveyLabelKnown, "Folk du kender", "The people you know"},
    Text{Msg::SurveyClosesBeforeOpens, "Sidste dag må ikke være før første dag",
         "The last day must not be before the first day"},
    Text{Msg::SurveyAnsweredTwice, "{}: spørgsmålet \"{}\" er besvaret to gange",
         "{}: the question \"{}\" is answered twice"},
    Text{Msg::SurveyNamesInAnonymous,
         "{} kan ikke bruges i et anonymt spørgeskema: så ville man kunne se, hvem der svarede",
         "{} cannot be used in an anonymous survey: it would show who answered"},
    Text{Msg::SurveyNamesSelf, "{}: du kan ikke vælge dig selv", "{}: you cannot choose yourself"},
    Text{Msg::SurveyAlreadyAnswered, "du har allerede svaret på {}",
         "you have already answered {}"},
    Text{Msg::SurveyNotOpen, "{} er ikke åbent i dag", "{} is not open today"},
    Text{Msg::NounPartnership, "partnerskab", "partnership"},
    Text{Msg::NounOrganisation, "organisation", "organisation"},
    Text{Msg::NounPlace, "sted", "place"},
    Text{Msg::NounPerson, "person", "person"},
    Text{Msg::NounActivity, "aktivitet", "activity"},
    Text{Msg::NounOccurrence, "aktivitetsgang", "occurrence"},
    Text{Msg::NounLogbookTemplate, "logbogsskabelon", "logbook template"},
    Text{Msg::MustBeInteger, "skal være et helt tal", "must be a whole number"},
    Text{Msg::WholeNumberFromTo, "skal være et helt tal fra {} til {}",
         "must be a whole number from {} to {}"},
    Text{Msg::ExactlyOneOf, "skal have netop ét af felterne {}",
         "must have exactly one of the fields {}"},
    Text{Msg::ValueWrongMember, "feltet \"{}\" er af typen {}, så værdien skal stå i \"{}\"",
         "the field \"{}\" is of type {}, so the value belongs in \"{}\""},
    Text{Msg::VersionNumbering, "versionerne skal have numrene 1, 2, 3 … i rækkefølge; her {}",
         "versions must be numbered 1, 2, 3, … in order; here {}"},
    Text{Msg::NullForScope, "skal være null, når scope er \"{}\"",
         "must be null when scope is \"{}\""},
    Text{Msg::VersionChanged,
         "skabelonen \"{}\" har allerede en version {} med andre felter; en version ændres aldrig",
         "the template \"{}\" already has a version {} with other fields; a version never "
         "changes"},
    Text{Msg::InterviewQuestionNumber, "guiden har ingen spørgsmål nummer {} (den har {})",
         "the guide has no question number {} (it has {})"},
    Text{Msg::InterviewChanged,
         "interviewet \"{}\" er allerede gemt med et andet indhold; en import ændrer aldrig et "
         "gemt interview",
         "the interview \"{}\" is already stored with other content; an import never changes a "
         "stored interview"},
    Text{Msg::InterviewGuideChanged,
         "interviewguiden \"{}\" er allerede gemt for et andet partnerskab eller med andre "
         "spørgsmål; en import kan kun tilføje spørgsmål efter de gemte",
         "the interview guide \"{}\" is already stored for another partnership or with other "
         "questions; an import can only add questions after the stored ones"},
    Text{Msg::SurveyRoundChanged,
         "spørgeskemaet \"{}\" er allerede gemt med et andet indhold; en import ændrer aldrig et "
         "gemt spørgeskema",
         "the survey round \"{}\" is already stored with other content; an import never changes "
         "a stored survey round"},
    Text{Msg::SurveyUnknownQuestion, "ukendt spørgsmål \"{}\"; spørgsmålene er: {}",
         "unknown question \"{}\"; the questions are: {}"},
    Text{Msg::SurveyPersonInAnonymous,
         "et anonymt spørgeskemas svar har ingen person; hvem der har svaret, står i "
         "\"respondents\"",
         "an anonymous round's responses carry no person; who has answered is listed in "
         "\"respondents\""},
    Text{Msg::SurveyRespondentsInNamed,
         "kun et anonymt spørgeskema har en liste over, hvem der har svaret; i et navngivet står "
         "personen ved sit svar",
         "only an anonymous round lists who has answered; in a named round the person is given "
         "with their response"},
    Text{Msg::SurveyPlaceOfOtherPartnership, "stedet \"{}\" hører til et andet partnerskab",
         "the place \"{}\" belongs to another partnership"},
    Text{Msg::NounTheme, "tema", "theme"},
};

std::string_view lookup(Lang lang, Msg id) {
    for (const Text& text : TEXTS) {
        if (text.id == id) {
            return lang == Lang::Da ? text.da : text.en;
        }
    }
    return "?";
}

}  // namespace

bool parse_lang(std::string_view text, Lang& out) {
    if (text == "da") {
        out = Lang::Da;
        return true;
    }
    if (text == "en") {
        out = Lang::En;
        return true;
    }
    return false;
}

std::string message(Lang lang, Msg id, std::initializer_list<std::string_view> args) {
    const std::string_view pattern = lookup(lang, id);
    std::string out;
    out.reserve(pattern.size() + 32);
    auto arg = args.begin();
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' &&
            arg != args.end()) {
            out.append(*arg++);
            ++i;
        } else {
            out.push_back(pattern[i]);
        }
    }
    return out;
}

}  // namespace samskab::core
