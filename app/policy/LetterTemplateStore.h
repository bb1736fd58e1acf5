#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QString>
#include <QStringList>

namespace pd {

class Database;
struct LetterFields;

/// The office's reply-letter templates (table letter_templates), one per language and kind, falling back to the
/// built-in ones shipped in resources/templates (Qt resource :/templates/<kind>_<language>.txt).
///
/// Reading needs no permission (a template holds no personal data); changing one is office-wide and needs
/// Action::EditLetterTemplates (officers). A template is checked by rendering it with sample fields before it is
/// stored, so a broken template never reaches the table. Changes are audited without the template's text.
class LetterTemplateStore
{
public:
    /// The kinds of letter there are templates for: "reply" (completed and refused, through sections).
    static QStringList kinds();

    /// The built-in template. InvalidArgument for an unknown language or kind.
    static Result<QString> builtIn(const QString &language, const QString &kind);

    /// What the editor shows about a template.
    struct Stored
    {
        QString body;
        bool builtIn = true; ///< no edited version is stored
        QString updatedAt;   ///< ISO 8601 UTC, empty for the built-in one
        QString updatedBy;   ///< operator name, empty for the built-in one
    };
    /// The stored template, or the built-in one.
    static Result<Stored> find(Database &database, const QString &language, const QString &kind);
    /// The template text to render: the stored one, or the built-in one.
    static Result<QString> text(Database &database, const QString &language, const QString &kind);

    /// Stores `body` as the office's template for `language` and `kind`, audited ("letter-template.save").
    /// Refused with PermissionDenied for anyone but an officer, and with InvalidArgument (naming the line and
    /// placeholder) for a template that does not render; the stored template is then unchanged.
    static Status save(Database &database, const Session &who, const QString &language, const QString &kind,
                       const QString &body);
    /// Goes back to the built-in template (deletes the stored one), audited ("letter-template.reset") when there
    /// was one. Same permission as save().
    static Status reset(Database &database, const Session &who, const QString &language, const QString &kind);

    /// Fills the controller's name, address, contact and DPO contact of `fields` from table controllers: the
    /// controller `controllerId`, or the office's own one (kind 'own', lowest id) when `controllerId` is 0 (a
    /// request without a controller). NotFound when there is no such controller.
    static Status fillController(Database &database, qint64 controllerId, LetterFields &fields);
};

} // namespace pd
