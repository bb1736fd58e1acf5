# savaniukgroup.by privacy policy (docs/policies/004), adopted under Belarus Law No. 99-Z of 7 May 2021.
# Purposes 2.3.1-2.3.8 with the policy's fields, grounds, kinds of processing and storage periods.
# Not a purpose of 2.3: the polls and surveys of 2.4 (opt-out by reply letter).

[profile]
name = savaniukgroup.by
source = docs/policies/004-savaniuk.txt
policy_version = current web version, undated (https://savaniukgroup.by/privacy-policy-ru)

[controller savaniuk-group]
name = Administration of the site savaniukgroup.by
kind = own
country = BY
contact = https://savaniukgroup.by

[system sg-site]
name = Site savaniukgroup.by and Platform
controller = savaniuk-group
description = Site, personal accounts, web forms and the Administrative panel for user management
location = BY

[system sg-backups]
name = Backups of the Site and Platform
controller = savaniuk-group
description = Geo-distributed backup storage used to recover data after failures (2.3.3)

# 2.3.1
[purpose sg-registration]
controller = savaniuk-group
system = sg-site
title = Providing access to the Site (registration)
ground = contract
legal_reference = Policy 2.3.1; Law 99-Z: execution of contractual obligations
subjects = Users of the Site
categories = account, technical
fields = name, phone, ip, city, country, browser, language, utm, referrer, cookie_id
processing = collection, recording, systematization, accumulation, storage, clarification, deletion, anonymization, blocking, destruction
retention = contract-term
retention_text = Throughout the validity period of the contract / during the periods established by the current legislation of the Republic of Belarus
deletion = By the User on the page, or automatically when the storage period of automatically collected data expires; anonymization, blocking and destruction via the Administrative panel for user management
countries = BY

# 2.3.2
[purpose sg-security]
controller = savaniuk-group
system = sg-site
title = Ensuring the security of the Site and its proper functioning
description = When fraud, spam or mass registration is suspected, the User gives a contact phone number to confirm their own actions
ground = contract
legal_reference = Policy 2.3.2; Law 99-Z: execution of contractual obligations
subjects = Users of the Site
categories = account
fields = phone
processing = collection, recording, systematization, accumulation, storage, viewing, anonymization, blocking, deletion
retention = contract-term
retention_text = Throughout the validity period of the contract / during the periods established by the current legislation of the Republic of Belarus
deletion = By the User in the personal account; the fact of deletion is recorded in the Site's logs and kept for the period set by legislation
countries = BY

# 2.3.3
[purpose sg-backup]
controller = savaniuk-group
system = sg-backups
title = Reliability of the Site and recovery of data after failures
description = Backups of all personal data processed by the Administration
ground = contract
legal_reference = Policy 2.3.3; Law 99-Z: execution of contractual obligations
subjects = Users of the Site, Persons contacting the Administration, Site visitors
categories = account, technical, payment, organisation, appeal, representative
processing = storage, use for recovery after failures, provision for geo-distributed backup storage, deletion
retention = backup-cycle
retention_text = Throughout the validity period of the contract / periods set by legislation; deleted automatically when the backup storage period expires
deletion = Automatically when the backup storage period expires, as part of the current backup and recovery process
recipient = Geo-distributed backup storage | processor

# 2.3.4
[purpose sg-card-payment]
controller = savaniuk-group
system = sg-site
title = Providing access under paid tariffs when paying by bank card
description = Payment through Bepaid and WebPay; the Administration receives only a notice of successful payment and the payment details listed
ground = contract
legal_reference = Policy 2.3.4; Law 99-Z: execution of contractual obligations
subjects = Users paying for a tariff by card
categories = payment
fields = cardholder, card_masked, card_expiry, card_type, transaction_id, transaction_time, payment_country, payment_city
processing = receipt from third parties, recording, systematization, accumulation, storage, deletion, anonymization, blocking, destruction
retention = contract-term
retention_text = Throughout the validity period of the contract / during the periods established by the current legislation of the Republic of Belarus
deletion = After the storage periods set by the legislation of the Republic of Belarus expire, via the Administrative panel for user management
security = Full card details are not stored; only the masked card number (last four digits); clarification is not carried out
countries = BY
# The payment systems keep financial data under their own agreements and policies: independent controllers.
recipient = Bepaid | controller | BY
recipient = WebPay | controller | BY

# 2.3.5
[purpose sg-bank-transfer]
controller = savaniuk-group
system = sg-site
title = Providing access under paid tariffs when paying by bank transfer from a legal entity
ground = contract
legal_reference = Policy 2.3.5; agreement with the User (legal entity), who obtains the consents of the persons concerned
subjects = Director or authorised signatory of the legal entity, Contact person of the legal entity
categories = account, organisation
fields = signatory_name, contact_name, email, phone
processing = collection, recording, systematization, accumulation, storage, clarification, anonymization, deletion, destruction
retention = contract-term
retention_text = Throughout the validity period of the contract / during the periods established by the current legislation of the Republic of Belarus
deletion = After the storage periods set by the legislation of the Republic of Belarus expire; by the User on the page, or via the Administrative panel for company management
countries = BY

# 2.3.6
[purpose sg-appeals]
controller = savaniuk-group
system = sg-site
title = Considering other appeals
ground = consent
legal_reference = Policy 2.3.6; Law 99-Z: consent of the PD subject
subjects = Applicants of appeals, Representatives of applicants
categories = appeal, representative, technical
fields = applicant_name, email, appeal_subject_data, representative_name, representative_email, authority_document, ip, city, country, browser, language, utm, partner_tag, referrer, cookie_id
processing = collection, recording, accumulation, storage, viewing, transfer, anonymization, blocking, deletion
retention = 3 years after response
retention_text = 3 (three) years after the response to the appeal
deletion = By the Administration when the storage period expires, or earlier when consent is withdrawn
countries = BY
recipient = The User against whom the appeal is filed | controller | BY

# 2.3.7
[purpose sg-info-projects]
controller = savaniuk-group
system = sg-site
title = Participation in the Administration's information projects and informing about them
ground = consent
legal_reference = Policy 2.3.7; Law 99-Z: consent of the PD subject
subjects = Participants of information projects
categories = account, technical
fields = name, email, messenger, ip, city, country, browser, language, utm, partner_tag, referrer, cookie_id
processing = collection, recording, accumulation, systematization, storage, extraction, use, anonymization, blocking, deletion
retention = 3 years after registration
retention_text = 3 (three) years after registration for participation in the Administration's information project
deletion = By the Administration when the storage period expires, or earlier when consent is withdrawn; clarification is not carried out
countries = BY

# 2.3.8
[purpose sg-site-statistics]
controller = savaniuk-group
system = sg-site
title = Analysing visit statistics of the Administration's sites
ground = legitimate-interest
legal_reference = Policy 2.3.8; legitimate interest of the Administration
subjects = Site visitors
categories = technical
fields = ip, city, country, browser, language, utm, referrer, cookie_id
processing = collection, recording, accumulation, systematization, storage, extraction, use, blocking, deletion
retention = 3 years after visit
retention_text = 3 (three) years after visiting the Administration's site
deletion = By the Administration when the storage period expires, or earlier on an appeal of the PD subject; clarification is not carried out
countries = BY
