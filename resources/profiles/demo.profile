# Demo profile: a fictional Belarusian operator with the purposes of seed 004 (savaniukgroup.by), plus one client
# for whom it sends e-mail campaigns as a processor (seeds 001, 003). The demo data generator relies on the codes
# `operator`, `client-retail` and the purpose codes below; keep them.

[profile]
name = Demo
source = demo data, built on docs/policies/004-savaniuk.txt and docs/policies/001-dynamail.txt
policy_version = 2026-04-27

[controller operator]
name = Nemiga Digital LLC
kind = own
address = 5 Nemiga St., office 12, 220030 Minsk, Republic of Belarus
country = BY
contact = privacy@nemiga-digital.example
dpo = dpo@nemiga-digital.example

[controller client-retail]
name = Minsk Retail LLC
kind = client
address = 20 Independence Ave., 220004 Minsk, Republic of Belarus
country = BY
contact = privacy@minsk-retail.example
contract = Data processing agreement No. 12/2025 of 10 January 2025

[system platform]
name = Customer platform
controller = operator
description = Site, personal accounts, web forms and the administrative panel
location = Data centre in Minsk, BY

[system backups]
name = Backup storage
controller = operator
description = Encrypted backups in two data centres
location = Minsk and Grodno, BY

[system mailing]
name = Mailing service
controller = operator
description = E-mail campaigns sent on clients' instructions
location = Data centre in Minsk, BY; sending servers in Frankfurt, DE

[purpose registration]
controller = operator
system = platform
title = Providing access to the site (registration)
ground = contract
legal_reference = Law 99-Z art. 6(3)
subjects = Users
categories = account, technical
fields = name, email, phone, ip, city, country, browser, language, utm, referrer, cookie_id
processing = collection, recording, systematization, accumulation, storage, clarification, anonymization, blocking, deletion
source = The user, in the registration form; technical data from the user's browser
retention = contract-term
retention_text = For the term of the contract, then the periods set by the legislation of the Republic of Belarus
category_retention = technical | 1 years after collection | delete | Technical data (IP address, browser, cookies): 1 (one) year after collection
deletion = By the user in the personal account, or through the administrative panel
security = Access control, encryption in transit, audit log
countries = BY
recipient = Support department | internal
dpia = not-needed

[purpose security]
controller = operator
system = platform
title = Ensuring the security of the site
description = A phone number confirms the user's own actions when fraud, spam or mass registration is suspected
ground = contract
legal_reference = Law 99-Z art. 6(3)
subjects = Users
categories = account
fields = phone
processing = collection, recording, storage, viewing, anonymization, blocking, deletion
retention = contract-term
retention_text = For the term of the contract, then the periods set by the legislation of the Republic of Belarus
deletion = By the user in the personal account; the fact of deletion is kept in the logs
countries = BY

[purpose backup]
controller = operator
system = backups
title = Recovering data after failures (backups)
ground = contract
legal_reference = Law 99-Z art. 6(3)
subjects = Users, Applicants, Site visitors
categories = account, technical, payment, organisation, appeal, representative
processing = storage, use for recovery, provision for geo-distributed storage, deletion
retention = backup-cycle
retention_text = Until the backup storage period expires
deletion = Automatically when the backup expires
security = Encrypted backups, restricted access
countries = BY

[purpose card-payment]
controller = operator
system = platform
title = Paid tariffs: payment by bank card
description = The payment systems notify the operator of the payment; full card numbers are never stored
ground = contract
legal_reference = Law 99-Z art. 6(3)
subjects = Paying users
categories = payment
fields = cardholder, card_masked, card_expiry, transaction_id
processing = receipt from third parties, recording, systematization, storage, anonymization, blocking, deletion
retention = contract-term
retention_text = For the term of the contract, then the periods set by the legislation of the Republic of Belarus
deletion = Through the administrative panel when the legal storage period expires
security = Only the masked card number (first 6 and last 4 digits) is kept
countries = BY
recipient = Bepaid | processor | BY | contract with the payment service provider
recipient = WebPay | processor | BY | contract with the payment service provider

[purpose bank-transfer]
controller = operator
system = platform
title = Paid tariffs: bank transfer from a legal entity
ground = contract
legal_reference = Law 99-Z art. 6(3); the client obtains the consents of its staff
subjects = Signatories and contact persons of legal entities
categories = account, organisation
fields = signatory_name, contact_name, email, phone, organisation
processing = collection, recording, systematization, storage, clarification, anonymization, deletion
retention = contract-term
retention_text = For the term of the contract, then the periods set by the legislation of the Republic of Belarus
deletion = Through the administrative panel when the legal storage period expires
countries = BY

[purpose appeals]
controller = operator
system = platform
title = Considering appeals
ground = consent
legal_reference = Law 99-Z art. 5
subjects = Applicants, Representatives of applicants
categories = appeal, representative
fields = name, email, appeal_text, representative_name, representative_email, authority_document
processing = collection, recording, storage, viewing, transfer, anonymization, blocking, deletion
retention = 3 years after response
retention_text = 3 (three) years after the response to the appeal
deletion = When the period expires, or earlier when consent is withdrawn
countries = BY
recipient = The party the appeal is about | controller | BY

[purpose info-projects]
controller = operator
system = platform
title = Information projects and newsletters about them
ground = consent
legal_reference = Law 99-Z art. 5
subjects = Participants of information projects
categories = account
fields = name, email, messenger
processing = collection, recording, systematization, storage, extraction, use, anonymization, blocking, deletion
retention = 3 years after registration
retention_text = 3 (three) years after registration for the information project
deletion = When the period expires, or earlier when consent is withdrawn
countries = BY

[purpose site-statistics]
controller = operator
system = platform
title = Site visit statistics
ground = legitimate-interest
legal_reference = Law 99-Z art. 6
subjects = Site visitors
categories = technical
fields = ip, city, country, browser, language, utm, referrer, cookie_id
processing = collection, recording, systematization, storage, extraction, use, blocking, deletion
retention = 3 years after visit
retention_text = 3 (three) years after visiting the site
deletion = When the period expires, or earlier on the visitor's request
countries = BY

[purpose client-mailing]
controller = client-retail
system = mailing
title = E-mail campaigns of Minsk Retail
description = The operator sends the client's campaigns as a processor; requests of recipients are handled on the client's instructions
ground = consent
legal_reference = Consent collected by the client (Law 99-Z art. 5); data processing agreement with the operator
subjects = Newsletter subscribers of the client
categories = recipient
fields = email, name, tags, segments
processing = recording, systematization, storage, use, blocking, deletion
retention = until-withdrawal
retention_text = Until the recipient unsubscribes or the client instructs deletion
deletion = On unsubscription or on the client's instruction
security = Access per client, encryption in transit
countries = BY, DE
recipient = Minsk Mail Delivery LLC | processor | BY | data processing agreement | Agreement No. 3/2025 of 1 February 2025
recipient = Rhein Hosting GmbH | processor | DE | standard contractual clauses | SCC module 3 of 14 March 2025
