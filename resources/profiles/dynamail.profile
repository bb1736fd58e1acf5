# DynaMail privacy policy (docs/policies/001), SQILSOFT, Grodno, under the legislation of the Republic of Belarus.
# Grounds (4): consent, contract, other cases set by law. Retention (6): no longer than the purposes need, or until
# consent is withdrawn, unless the law says otherwise. Contacts of e-mail recipients are processed for the users
# (senders), who answer for those persons' rights (8): they are encoded with a `client` controller.
# The controller [controller sqilsoft] is shared with dynaassistant.profile: keep both copies identical.

[profile]
name = DynaMail
source = docs/policies/001-dynamail.txt
policy_version = current web version, undated (© 2026)

[controller sqilsoft]
name = SQILSOFT
kind = own
address = Grodno, Republic of Belarus
country = BY

[controller dynamail-senders]
name = DynaMail users (senders, controllers of their recipients' contacts)
kind = client

[system dynamail]
name = DynaMail
controller = sqilsoft
description = E-mail campaigns, transactional e-mails, contact segmentation, API for integrations
location = Secure servers of SQILSOFT, Grodno, Republic of Belarus

[purpose dm-service]
controller = sqilsoft
system = dynamail
title = Providing access to the functionality of the DynaMail service
ground = contract
legal_reference = Policy 3, 4: conclusion and performance of contractual obligations
subjects = Users
categories = account, organisation
fields = name, company_name, email, phone
processing = collection, recording, storage, use, clarification, blocking, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise required by law
deletion = On the user's request or when the purpose is achieved
security = Technical and organisational measures; access only for authorised personnel bound by confidentiality
countries = BY
recipient = Partners and subcontractors engaged by SQILSOFT | processor | | access only as needed for their functions, confidentiality, adequate level of protection
recipient = State bodies, as expressly provided by law | authority | BY

[purpose dm-integrations]
controller = sqilsoft
system = dynamail
title = Integrations and automation scenarios
description = Integration data for connecting the user's external systems through the API
ground = contract
legal_reference = Policy 3, 4: conclusion and performance of contractual obligations
subjects = Users
categories = integration
fields = api_key, endpoint_address, integration_id
processing = collection, recording, storage, use, transfer to the connected external systems, clarification, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise required by law
security = Technical and organisational measures; access only for authorised personnel bound by confidentiality
countries = BY

[purpose dm-support]
controller = sqilsoft
system = dynamail
title = Communicating with users, including technical support
ground = contract
legal_reference = Policy 3, 4: performance of contractual obligations
subjects = Users
categories = account
fields = name, email, phone
processing = collection, recording, storage, use, clarification, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise required by law
countries = BY

[purpose dm-operation-security]
controller = sqilsoft
system = dynamail
title = Ensuring proper functioning and security of the service
ground = contract
legal_reference = Policy 2, 4: technical data collected solely for functioning and security
subjects = Users, Site visitors
categories = technical
fields = ip, browser, browser_version, device, os
processing = collection, recording, storage, use, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise required by law
countries = BY

[purpose dm-improvement]
controller = sqilsoft
system = dynamail
title = Analysing performance, improving delivery stability, security and quality; developing functionality
ground = consent
legal_reference = Policy 3, 4: consent given by using the service
subjects = Users
categories = technical
fields = ip, browser, browser_version, device, os
processing = collection, storage, systematization, use, deletion
retention = until-withdrawal
retention_text = No longer than necessary to achieve the processing purposes, or until the user withdraws consent
countries = BY

[purpose dm-campaigns]
controller = dynamail-senders
system = dynamail
title = E-mail campaigns and contact segmentation for users
description = Recipients' contacts entered by users or received from their systems; requests are handled on the user's instructions
ground = consent
legal_reference = Policy 2, 8: consent collected by the user (sender), who answers for the recipients' rights
subjects = E-mail recipients of users
categories = recipient
fields = email, name, tags, segments
processing = recording, systematization, storage, use, segmentation, sending, deletion
retention = until-withdrawal
retention_text = No longer than necessary to achieve the processing purposes or until consent is withdrawn, unless otherwise required by law
deletion = On unsubscription or on the user's instruction
security = Technical and organisational measures; access only for authorised personnel bound by confidentiality
countries = BY

[purpose dm-transactional]
controller = dynamail-senders
system = dynamail
title = Transactional e-mails for users (receipts, notifications, system messages)
ground = contract
legal_reference = Policy 3, 8: the user's contract with the recipient; SQILSOFT processes under the contract with the user
subjects = E-mail recipients of users
categories = recipient
fields = email, name
processing = recording, storage, use, sending, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise required by law
deletion = On the user's instruction or when the purpose is achieved
countries = BY
