# ai-assistants.pro privacy policy (docs/policies/002), part of the User Agreement.
# Ground: the User's written consent to the listed methods of processing, given by using the site; the data for
# concluding Agreements is processed to conclude them. The policy names no storage period: the retention rules
# below are assumptions and say so in retention_text. Personal data goes only to authorised state bodies, on the
# grounds and in the manner set by law; data is blocked for the period of verification when it is found inaccurate
# or processed unlawfully (Obligations of the parties).

[profile]
name = ai-assistants.pro
source = docs/policies/002-ai-assistants.txt
policy_version = current web version, undated (https://ai-assistants.pro/politika-konfidentsialnosti)

[controller ai-assistants]
name = Site Administration of ai-assistants.pro
kind = own
contact = https://ai-assistants.pro

[system ai-site]
name = Site ai-assistants.pro
controller = ai-assistants
description = Site, its programs and products; standard server logs and statistics counters

[purpose ai-identification]
controller = ai-assistants
system = ai-site
title = Identification of the User registered on the Site
ground = consent
legal_reference = Policy preamble: written consent given by using the site's services
subjects = Users
categories = account
fields = name, email, phone
processing = collection, recording, systematization, storage, clarification, extraction, use, anonymization, blocking, deletion, destruction
retention = contract-term
retention_text = Not stated in the policy; assumed: while the User Agreement is in force
security = Organisational and technical measures; access only for employees whose work requires it
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-access]
controller = ai-assistants
system = ai-site
title = Providing the User with access to the Site's resources
ground = consent
legal_reference = Policy preamble: written consent given by using the site's services
subjects = Users
categories = account
fields = name, email
processing = collection, recording, systematization, storage, clarification, extraction, use, anonymization, blocking, deletion, destruction
retention = contract-term
retention_text = Not stated in the policy; assumed: while the User Agreement is in force
security = Organisational and technical measures; access only for employees whose work requires it
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-feedback]
controller = ai-assistants
system = ai-site
title = Feedback with the User: calls, notifications, requests, processing the User's requests and applications, advertising of promotions and services
ground = consent
legal_reference = Policy preamble: written consent given by using the site's services
subjects = Users
categories = account
fields = name, email, phone
processing = collection, recording, systematization, storage, clarification, extraction, use, anonymization, blocking, deletion, destruction
retention = until-withdrawal
retention_text = Not stated in the policy; assumed: until consent is withdrawn
security = Organisational and technical measures; access only for employees whose work requires it
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-location-security]
controller = ai-assistants
system = ai-site
title = Determining the User's location to ensure security and prevent fraud
ground = consent
legal_reference = Policy preamble: written consent given by using the site's services
subjects = Users, Site visitors
categories = technical
fields = ip, internet_provider, domain
processing = collection, recording, storage, use, blocking, deletion
retention = contract-term
retention_text = Not stated in the policy; assumed: while the User Agreement is in force
security = The link between an IP address and personal information is never disclosed to third parties, except where the law requires
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-verification]
controller = ai-assistants
system = ai-site
title = Confirming the accuracy and completeness of the personal data provided by the User
description = Data is blocked from the moment of the request of the User, their representative or the data protection authority for the period of verification, when inaccurate data or unlawful actions are detected
ground = consent
legal_reference = Policy preamble and Obligations of the parties
subjects = Users
categories = account
fields = name, email, phone
processing = collection, recording, storage, clarification, use, blocking during verification, deletion, destruction
retention = contract-term
retention_text = Not stated in the policy; assumed: while the User Agreement is in force
security = Organisational and technical measures; access only for employees whose work requires it
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-support]
controller = ai-assistants
system = ai-site
title = Effective customer and technical support in case of problems using the Site
ground = consent
legal_reference = Policy preamble: written consent given by using the site's services
subjects = Users
categories = account, technical
fields = name, email, phone, ip, browser, os
processing = collection, recording, storage, clarification, extraction, use, blocking, deletion
retention = contract-term
retention_text = Not stated in the policy; assumed: while the User Agreement is in force
security = Organisational and technical measures; access only for employees whose work requires it
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-offers]
controller = ai-assistants
system = ai-site
title = Updates of services, special offers, price information, newsletters on behalf of the Site or its partners
ground = consent
legal_reference = Policy preamble: written consent given by using the site's services
subjects = Users
categories = account
fields = name, email, phone
processing = collection, recording, storage, extraction, use, blocking, deletion
retention = until-withdrawal
retention_text = Not stated in the policy; assumed: until consent is withdrawn
security = Organisational and technical measures; access only for employees whose work requires it
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-advertising]
controller = ai-assistants
system = ai-site
title = Advertising activities of the Site
ground = consent
legal_reference = Policy preamble: written consent given by using the site's services
subjects = Users
categories = account
fields = name, email, phone
processing = collection, recording, storage, extraction, use, blocking, deletion
retention = until-withdrawal
retention_text = Not stated in the policy; assumed: until consent is withdrawn
security = Organisational and technical measures; access only for employees whose work requires it
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-partner-access]
controller = ai-assistants
system = ai-site
title = Access to the sites or services of the Site's partners to receive products, updates and services
ground = consent
legal_reference = Policy preamble: written consent given by using the site's services
subjects = Users
categories = account
fields = name, email
processing = collection, recording, storage, extraction, use, blocking, deletion
retention = until-withdrawal
retention_text = Not stated in the policy; assumed: until consent is withdrawn
security = Not disclosed without the User's prior written consent
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-attendance]
controller = ai-assistants
system = ai-site
title = Analysing attendance of the Site, in aggregated (anonymous) form, to improve and develop it
description = Standard server logs and statistics counters installed on the site (anonymised)
ground = consent
legal_reference = Policy, Technical information
subjects = Site visitors
categories = technical
fields = ip, internet_provider, domain, browser, os, referrer, pages_visited, visit_time
processing = collection, recording, storage, anonymization, use, deletion
retention = contract-term
retention_text = Not stated in the policy; assumed: as long as the logs are needed for analysis
security = Analysed in aggregated (anonymous) form
recipient = Providers of the statistics counters installed on the site | processor
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority

[purpose ai-agreements]
controller = ai-assistants
system = ai-site
title = Concluding Agreements with the User, an organisation they represent or an individual entrepreneur
description = Data about the organisation itself (name, INN, EDRPOU, addresses, settlement account, bank) is not personal data
ground = contract
legal_reference = Policy, Collected information: data for concluding Agreements
subjects = Users, Representatives of organisations, Individual entrepreneurs
categories = account, representative, organisation
fields = surname, name, patronymic, position, phone, entrepreneur_name, edrpou, correspondence_address, settlement_account, bank_name
processing = collection, recording, systematization, storage, clarification, extraction, use, blocking, deletion, destruction
retention = contract-term
retention_text = Not stated in the policy; assumed: for the term of the Agreement, then the periods set by law
security = Organisational and technical measures; access only for employees whose work requires it
recipient = Authorised state bodies, on the grounds and in the manner established by law | authority
