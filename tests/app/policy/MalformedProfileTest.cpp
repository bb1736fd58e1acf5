// Malformed profiles: each is refused as a whole with one message naming the file, the line and the field.
#include "app/policy/ProfileLoader.h"

#include <gtest/gtest.h>

#include <vector>

using namespace pd;

namespace {

// Lines 1-13 of a valid profile; cases append from line 14 or replace one line.
const char *const kValid = "[profile]\n"                  // 1
                           "name = Test\n"                // 2
                           "policy_version = 1\n"         // 3
                           "\n"                           // 4
                           "[controller acme]\n"          // 5
                           "name = Acme\n"                // 6
                           "kind = own\n"                 // 7
                           "\n"                           // 8
                           "[purpose sales]\n"            // 9
                           "controller = acme\n"          // 10
                           "title = Sales\n"              // 11
                           "ground = contract\n"          // 12
                           "retention = contract-term\n"; // 13

struct MalformedCase
{
    const char *name;
    QString text;
    const char *message; ///< the whole message, or its start when it ends with "..."
};

QString valid()
{
    return QString::fromUtf8(kValid);
}

QString appended(const char *lines)
{
    return valid() + QString::fromUtf8(lines);
}

QString replaced(const char *line, const char *with)
{
    QString text = valid();
    const QString from = QString::fromUtf8(line) + QLatin1Char('\n');
    EXPECT_TRUE(text.contains(from)) << line;
    return text.replace(from, QString::fromUtf8(with) + QLatin1Char('\n'));
}

std::vector<MalformedCase> malformedCases()
{
    return {
        {"UnknownKey", appended("colour = red\n"),
         "bad.profile:14: field 'colour': unknown field in [purpose sales] (expected one of: controller, system, "
         "title, description, ground, legal_reference, special, special_condition, subjects, categories, fields, "
         "source, processing, retention, retention_text, retention_action, category_retention, deletion, security, "
         "countries, recipient, automated_decisions, dpia, retired)"},
        {"UnknownSectionType", appended("[processor x]\n"),
         "bad.profile:14: section '[processor x]': unknown section type (expected [profile], [controller CODE], "
         "[system CODE] or [purpose CODE])"},
        {"ControlCharacterInAValue", replaced("title = Sales", "title = Sales\x1b[2J"),
         "bad.profile:11: field 'title': contains a control character (code 27)"},
        {"UnclosedSection", appended("[purpose more\n"),
         "bad.profile:14: section header is not closed (expected '[TYPE CODE]')"},
        {"SectionWithoutCode", appended("[purpose]\n"),
         "bad.profile:14: section '[purpose]': expected exactly one code, as in '[purpose CODE]'"},
        {"BadCode", replaced("[purpose sales]", "[purpose Sales]"),
         "bad.profile:9: [purpose Sales]: 'Sales' is not a valid code (expected lowercase letters, digits and '-')"},
        {"NeitherSectionNorField", appended("just some words\n"),
         "bad.profile:14: this line is neither a section header nor a field (expected '[TYPE CODE]' or "
         "'key = value')"},
        {"FieldBeforeAnySection", QStringLiteral("name = x\n") + valid(),
         "bad.profile:1: field 'name': found before any section (expected a [profile] section first)"},
        {"BadGround", replaced("ground = contract", "ground = agreement"),
         "bad.profile:12: field 'ground': 'agreement' is not a legal ground (expected one of: contract, consent, "
         "legitimate-interest, legal-obligation, vital-interest, public-task)"},
        {"BadCategory", appended("categories = account, biometrics\n"),
         "bad.profile:14: field 'categories': 'biometrics' is not a data category (expected one of: account, "
         "payment, technical, voice, integration, recipient, appeal, representative, organisation)"},
        {"EmptyListItem", appended("fields = name,,email\n"),
         "bad.profile:14: field 'fields': item 2 of the list is empty (expected a comma-separated list)"},
        {"BadRetention", replaced("retention = contract-term", "retention = forever"),
         "bad.profile:13: field 'retention': 'forever' is not a retention rule (expected contract-term, legal, "
         "backup-cycle, until-withdrawal, '<N> months after <event>' or '<N> years after <event>' with <event> one "
         "of registration, response, visit, collection, contract-end, withdrawal)"},
        {"BadRetentionEvent", replaced("retention = contract-term", "retention = 3 years after lunch"),
         "bad.profile:13: field 'retention': 'lunch' is not a retention event (expected contract-term, ..."},
        {"RetentionOfFiveDigits", replaced("retention = contract-term", "retention = 12000 months after visit"),
         "bad.profile:13: field 'retention': '12000 months after visit' is not a retention rule (expected ..."},
        {"RetentionInWeeks", replaced("retention = contract-term", "retention = 3 weeks after visit"),
         "bad.profile:13: field 'retention': '3 weeks after visit' is not a retention rule (expected ..."},
        {"CodeStartingWithADash", replaced("[purpose sales]", "[purpose -sales]"),
         "bad.profile:9: [purpose -sales]: '-sales' is not a valid code (expected lowercase letters, digits and '-')"},
        {"BadRetentionAction", appended("retention_action = shred\n"),
         "bad.profile:14: field 'retention_action': 'shred' is not what retention ends with (expected delete or "
         "anonymize)"},
        {"ZeroRetention", replaced("retention = contract-term", "retention = 0 months after visit"),
         "bad.profile:13: field 'retention': the period must be at least 1 (expected ..."},
        {"BadControllerKind", replaced("kind = own", "kind = vendor"),
         "bad.profile:7: field 'kind': 'vendor' is not a controller kind (expected own or client)"},
        {"BadControllerCountry", appended("[controller other]\nname = O\nkind = client\ncountry = Belarus\n"),
         "bad.profile:17: field 'country': 'Belarus' is not a country code (expected an ISO 3166 alpha-2 code in "
         "capitals, such as BY or DE)"},
        {"BadPurposeCountry", appended("countries = BY, de\n"),
         "bad.profile:14: field 'countries': 'de' is not a country code (expected an ISO 3166 alpha-2 code in "
         "capitals, such as BY or DE)"},
        {"CategoryRetentionForAnotherCategory", appended("category_retention = payment | legal\n"),
         "bad.profile:14: field 'category_retention': 'payment' is not one of this purpose's categories (expected "
         "one of: ..."},
        {"CategoryRetentionWithBadRule", appended("categories = account\ncategory_retention = account | soon\n"),
         "bad.profile:15: field 'category_retention': 'soon' is not a retention rule (expected ..."},
        {"CategoryRetentionWithBadAction",
         appended("categories = account\ncategory_retention = account | legal | burn\n"),
         "bad.profile:15: field 'category_retention': 'burn' is not what retention ends with (expected delete or "
         "anonymize)"},
        {"CategoryRetentionGivenTwice",
         appended("categories = account\ncategory_retention = account | legal\ncategory_retention = account | "
                  "backup-cycle\n"),
         "bad.profile:16: field 'category_retention': category 'account' is given a period twice"},
        {"SpecialNeitherYesNorNo", appended("special = maybe\n"),
         "bad.profile:14: field 'special': 'maybe' is neither yes nor no"},
        {"SpecialConditionWithoutSpecialData", appended("special_condition = art. 9(2)(a)\n"),
         "bad.profile:14: field 'special_condition': is given for a purpose without special categories of data "
         "(expected 'special = yes' with it)"},
        {"BadDpia", appended("dpia = later\n"),
         "bad.profile:14: field 'dpia': 'later' is not a DPIA status (expected one of: not-assessed, not-needed, "
         "needed, in-progress, done)"},
        {"RetiredNotADate", appended("retired = last year\n"),
         "bad.profile:14: field 'retired': 'last year' is not a date (expected YYYY-MM-DD)"},
        {"BadRecipientRole", appended("recipient = Bank | seller\n"),
         "bad.profile:14: field 'recipient': 'seller' is not a recipient role (expected 'NAME | "
         "processor|controller|authority|internal | COUNTRY | SAFEGUARDS | CONTRACT', the last three optional)"},
        {"RecipientWithoutRole", appended("recipient = Bank\n"),
         "bad.profile:14: field 'recipient': found 1 part(s) separated by '|' (expected 'NAME | processor|controller|"
         "authority|internal | COUNTRY | SAFEGUARDS | CONTRACT', the last three optional)"},
        {"RecipientWithoutName", appended("recipient =  | processor\n"),
         "bad.profile:14: field 'recipient': the name is empty (expected ..."},
        {"RecipientBadCountry", appended("recipient = Bank | processor | Minsk\n"),
         "bad.profile:14: field 'recipient': 'Minsk' is not a country code (expected ..."},
        {"DuplicateKey", appended("title = Again\n"),
         "bad.profile:14: field 'title': given twice in [purpose sales] (first on line 11; only 'recipient' and "
         "'category_retention' may repeat)"},
        {"DuplicateCode",
         appended("[purpose sales]\ncontroller = acme\ntitle = S\nground = consent\nretention = legal\n"),
         "bad.profile:14: [purpose sales]: code 'sales' is already used by the purpose on line 9"},
        {"DuplicateProfileSection", appended("[profile]\n"),
         "bad.profile:14: [profile]: section given twice (first on line 1)"},
        {"MissingRequiredField", replaced("title = Sales", "# no title"),
         "bad.profile:9: [purpose sales]: required field 'title' is missing"},
        {"MissingControllerKind", replaced("kind = own", ""),
         "bad.profile:5: [controller acme]: required field 'kind' is missing"},
        {"MissingPolicyVersion", replaced("policy_version = 1", ""),
         "bad.profile:1: [profile]: required field 'policy_version' is missing"},
        {"EmptyRequiredField", replaced("title = Sales", "title ="),
         "bad.profile:11: field 'title': is empty (expected a value: the field is required)"},
        {"UndefinedController", replaced("controller = acme", "controller = nobody"),
         "bad.profile:10: field 'controller': no [controller nobody] in this profile (expected one of: acme)"},
        {"UndefinedSystem", appended("system = crm\n"),
         "bad.profile:14: field 'system': no [system crm] in this profile (expected a [system CODE] section)"},
        {"SystemWithUndefinedController", appended("[system crm]\nname = CRM\ncontroller = acne\n"),
         "bad.profile:16: field 'controller': no [controller acne] in this profile (expected one of: acme)"},
        {"NoProfileSection", valid().mid(valid().indexOf(QStringLiteral("[controller"))),
         "bad.profile:1: [profile]: section is missing (expected a [profile] section with name and "
         "policy_version)"},
        {"NoPurpose", valid().left(valid().indexOf(QStringLiteral("[purpose"))),
         "bad.profile:1: [profile]: the profile defines no purpose (expected at least one [purpose CODE] section)"},
        {"EmptyFile", QString(),
         "bad.profile:1: [profile]: section is missing (expected a [profile] section with name and "
         "policy_version)"},
    };
}

class MalformedProfileTest : public ::testing::TestWithParam<MalformedCase>
{
};

} // namespace

TEST(ProfileLoaderTest, ALargeProfileWithADuplicateCodeNamesBothLines)
{
    // 20,000 purposes: the duplicate at the end is found by a lookup, and the message lists a few codes only.
    QString text = QString::fromUtf8(kValid);
    for (int i = 0; i < 20000; ++i) {
        text += QStringLiteral("[purpose p%1]\ncontroller = acme\ntitle = T\nground = contract\nretention = legal\n")
                    .arg(i);
    }
    const int duplicateLine = int(text.count(QLatin1Char('\n'))) + 1;
    text += QStringLiteral("[purpose p7]\n");
    const Result<Profile> parsed = ProfileLoader::parse(text, QStringLiteral("big.profile"));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().message, QStringLiteral("big.profile:%1: [purpose p7]: code 'p7' is already used by the "
                                                     "purpose on line %2")
                                          .arg(duplicateLine)
                                          .arg(14 + 7 * 5));
}

TEST(ProfileLoaderTest, TheValidBaseOfTheMalformedCasesParses)
{
    Result<Profile> parsed = ProfileLoader::parse(valid(), QStringLiteral("bad.profile"));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
}

TEST_P(MalformedProfileTest, IsRefusedWithFileLineAndField)
{
    const MalformedCase &c = GetParam();
    Result<Profile> parsed = ProfileLoader::parse(c.text, QStringLiteral("bad.profile"));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().code, ErrorCode::InvalidArgument);
    const QString expected = QString::fromUtf8(c.message);
    if (expected.endsWith(QStringLiteral("..."))) {
        EXPECT_EQ(parsed.error().message.left(expected.size() - 3), expected.chopped(3));
    } else {
        EXPECT_EQ(parsed.error().message, expected);
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, MalformedProfileTest, ::testing::ValuesIn(malformedCases()),
                         [](const ::testing::TestParamInfo<MalformedCase> &info) { return info.param.name; });
