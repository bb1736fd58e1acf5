# DynaAssistant privacy policy (docs/policies/000), SQILSOFT, Grodno, under the legislation of the Republic of Belarus.
# Grounds (4): consent, contract, other cases set by law. Retention (6): no longer than the purposes need, or until
# consent is withdrawn, unless the law says otherwise. Users who process third parties' data with the service are
# responsible for those persons' rights (8): that data is encoded with a `client` controller.
# The controller [controller sqilsoft] is shared with dynamail.profile: keep both copies identical.

[profile]
name = DynaAssistant
source = docs/policies/000-dynaassistant.txt
policy_version = current web version, undated

[controller sqilsoft]
name = SQILSOFT
kind = own
address = Grodno, Republic of Belarus
country = BY

[controller dynaassistant-users]
name = DynaAssistant users (controllers of the third-party data they process)
kind = client

[system dynaassistant]
name = DynaAssistant
controller = sqilsoft
description = Business-process automation service with integrations to external systems
location = Secure servers of SQILSOFT, Grodno, Republic of Belarus

[purpose da-service]
controller = sqilsoft
system = dynaassistant
title = Providing access to the functionality of the DynaAssistant service
ground = contract
legal_reference = Policy 3, 4: conclusion and performance of contractual obligations
subjects = Users
categories = account, organisation
fields = name, company_name, email, phone
processing = collection, recording, storage, use, clarification, blocking, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise provided by law
deletion = On the user's request or when the purpose is achieved
security = Technical and organisational measures; access only for authorised employees bound by confidentiality
countries = BY
recipient = Partners and contractors engaged by SQILSOFT | processor | | access only as needed for their functions, confidentiality, adequate level of protection
recipient = State bodies, in cases expressly provided for by law | authority | BY

[purpose da-processes]
controller = sqilsoft
system = dynaassistant
title = Configuring and executing business processes and integrations
description = Integration data for connecting the user's external systems
ground = contract
legal_reference = Policy 3, 4: conclusion and performance of contractual obligations
subjects = Users
categories = integration
fields = api_key, endpoint_address, integration_id
processing = collection, recording, storage, use, transfer to the connected external systems, clarification, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise provided by law
deletion = On the user's request, on removal of the integration, or when the purpose is achieved
security = Technical and organisational measures; access only for authorised employees bound by confidentiality
countries = BY

[purpose da-support]
controller = sqilsoft
system = dynaassistant
title = Interacting with users, including technical support
ground = contract
legal_reference = Policy 3, 4: performance of contractual obligations
subjects = Users
categories = account
fields = name, email, phone
processing = collection, recording, storage, use, clarification, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise provided by law
security = Technical and organisational measures; access only for authorised employees bound by confidentiality
countries = BY

[purpose da-operation-security]
controller = sqilsoft
system = dynaassistant
title = Ensuring proper operation and security of the service
ground = contract
legal_reference = Policy 2, 4: technical data collected solely for operation and security
subjects = Users, Site visitors
categories = technical
fields = ip, browser, browser_version, device, os
processing = collection, recording, storage, use, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise provided by law
security = Technical and organisational measures; access only for authorised employees bound by confidentiality
countries = BY

[purpose da-improvement]
controller = sqilsoft
system = dynaassistant
title = Analysing performance, stability, security and quality; developing functionality
ground = consent
legal_reference = Policy 3, 4: consent given by using the service
subjects = Users
categories = technical
fields = ip, browser, browser_version, device, os
processing = collection, storage, systematization, use, deletion
retention = until-withdrawal
retention_text = No longer than necessary to achieve the processing purposes, or until the user withdraws consent
countries = BY

[purpose da-automation]
controller = dynaassistant-users
system = dynaassistant
title = Automated processing and transmission of data entered by users or received from external systems
description = Third parties' data processed on the user's behalf; the user answers for those persons' rights (8)
ground = contract
legal_reference = Policy 2, 8: the user's own legal ground; SQILSOFT processes under the contract
subjects = Third parties whose data users process
categories = integration
processing = recording, storage, use, transfer, deletion
retention = contract-term
retention_text = No longer than necessary to achieve the processing purposes, unless otherwise provided by law
security = Technical and organisational measures; access only for authorised employees bound by confidentiality
countries = BY
