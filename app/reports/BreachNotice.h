#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/domain/Vocabulary.h"
#include "app/reports/ReportPdf.h"

#include <optional>

namespace pd {

class Database;

/// The notification of a personal-data breach to a regulator (GDPR art. 33(3); Law 99-Z art. 16; 152-FZ art.
/// 21(3.1)) as a report: the controller, what happened, the categories and approximate numbers of subjects and
/// records, the likely consequences, the measures taken and proposed, the DPO's contact, each notice with its
/// deadline and the reasons for a delay, and whether the subjects were told. In the installed translation's language.
class BreachNotice
{
public:
    /// The notice of breach `id` for `regime` (every regime recorded when empty). Officers and auditors
    /// (Action::ExportRegisters).
    static Result<ReportDocument> build(Database &database, const Session &who, qint64 id,
                                        const std::optional<Regime> &regime = std::nullopt);
};

} // namespace pd
