# Privacy policy of a voice-call service (docs/policies/003), last updated 27 April 2026; the policy does not name
# the Contractor. Roles (2): the User is the controller of the data processed when using the Service and the
# Contractor its processor under the DPA; for its own purposes (2.3, 4.2) the Contractor is an independent
# controller, on the grounds of contract, legal duties or legitimate interest (2.4). Recipients are the categories of
# 7.2, as sub-processors or independent controllers (7.3); cross-border transfers use standard contractual clauses
# or other lawful mechanisms (7.5); the policy names no countries.

[profile]
name = Voice service
source = docs/policies/003-voice-service.txt
policy_version = 2026-04-27

[controller vs-contractor]
name = Contractor (provider of the Service)
kind = own
contact = Contact details in the Agreement or on the Website (10.3)

[controller vs-users]
name = Users of the Service (controllers under the DPA)
kind = client

[system vs-service]
name = The Service
controller = vs-contractor
description = Website, Service, integrations with third-party platforms and the Voice Call Functionality

# Own purposes (4.2, 4.5, 4.7, 9.5): the Contractor is the controller.

[purpose vs-registration]
controller = vs-contractor
system = vs-service
title = User registration, account creation and administration
ground = contract
legal_reference = Policy 2.4, 4.8: fulfilment of the Agreement
subjects = Users
categories = account
fields = first_name, last_name, email, phone, account_info, user_role, settings
processing = collection, recording, storage, clarification, use, deletion, anonymization
retention = contract-term
retention_text = No longer than necessary for the purposes; on termination of contractual relations deleted, anonymised or processing otherwise ceased, unless the law requires storage (9.1, 9.4)
deletion = Deletion, anonymisation or other cessation of processing (9.4)
security = Access control; authentication and authorisation; encryption where feasible; event logging and monitoring; regular updates (8.3)
recipient = Hosting, server and cloud infrastructure providers | processor | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)
recipient = Providers of technical support and infrastructure services | processor | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)

[purpose vs-service]
controller = vs-contractor
system = vs-service
title = Provision of Services and access to the functionality of the Service
ground = contract
legal_reference = Policy 2.4, 4.8: fulfilment of the Agreement
subjects = Users
categories = account, technical
fields = email, account_info, settings, ip, browser, device, os, usage_data
processing = collection, recording, storage, use, deletion, anonymization
retention = contract-term
retention_text = No longer than necessary for the purposes; on termination of contractual relations deleted, anonymised or processing otherwise ceased, unless the law requires storage (9.1, 9.4)
deletion = Deletion, anonymisation or other cessation of processing (9.4)
security = Access control; authentication and authorisation; encryption where feasible; event logging and monitoring; regular updates (8.3)
recipient = Hosting, server and cloud infrastructure providers | processor | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)

[purpose vs-agreement]
controller = vs-contractor
system = vs-service
title = Fulfilment of the terms of the Agreement and related documents
ground = contract
legal_reference = Policy 2.4, 4.8: fulfilment of the Agreement
subjects = Users
categories = account
fields = first_name, last_name, email, phone
processing = collection, recording, storage, use, deletion
retention = contract-term
retention_text = For the contractual relations, then as long as the law requires (9.2, 9.4)
deletion = Deletion, anonymisation or other cessation of processing (9.4)
security = Access control; authentication and authorisation; encryption where feasible; event logging and monitoring; regular updates (8.3)

[purpose vs-payments]
controller = vs-contractor
system = vs-service
title = Payment processing, invoicing and tariff administration
description = Full payment card data is not saved unless the payment service's terms expressly provide otherwise (3.3)
ground = contract
legal_reference = Policy 2.3, 4.2, 4.8: fulfilment of the Agreement
subjects = Users
categories = payment
fields = tariff, payment_status, payment_history, transaction_id
processing = collection, recording, storage, use, transfer, deletion
retention = legal
retention_text = As long as the legal requirements for storing accounting and financial information require (9.2)
deletion = Deletion, anonymisation or other cessation of processing (9.4)
security = No full payment card data is saved (3.3); access control; encryption where feasible (8.3)
recipient = Payment services and financial providers | controller | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)

[purpose vs-support]
controller = vs-contractor
system = vs-service
title = Technical support, troubleshooting and improving the quality of the Service
ground = contract
legal_reference = Policy 2.4, 4.8: fulfilment of the Agreement
subjects = Users
categories = account, technical
fields = first_name, last_name, email, ip, browser, device, os, log_files, error_data
processing = collection, recording, storage, use, transfer, deletion
retention = contract-term
retention_text = No longer than necessary for the purposes (9.1)
deletion = Deletion, anonymisation or other cessation of processing (9.4)
security = Access control; authentication and authorisation; encryption where feasible; event logging and monitoring; regular updates (8.3)
recipient = Providers of technical support and infrastructure services | processor | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)

[purpose vs-security]
controller = vs-contractor
system = vs-service
title = Ensuring the security of the Service, preventing fraud, unauthorised access or abuse
ground = legitimate-interest
legal_reference = Policy 2.4, 4.8: legitimate interest of the Contractor
subjects = Users, Website visitors
categories = technical
fields = ip, browser, device, os, log_files, session_id
processing = collection, recording, storage, use, blocking, deletion
retention = contract-term
retention_text = No longer than necessary for the purposes, taking into account the need to protect the Contractor's rights and legitimate interests (9.1, 9.2)
deletion = Deletion, anonymisation or other cessation of processing (9.4)
security = Access control; authentication and authorisation; event logging and monitoring (8.3)
recipient = Hosting, server and cloud infrastructure providers | processor | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)

[purpose vs-legal]
controller = vs-contractor
system = vs-service
title = Compliance with legal requirements and legal requests of authorised bodies
ground = legal-obligation
legal_reference = Policy 2.4, 4.8: legal obligations imposed on the Contractor
subjects = Users
categories = account, payment, technical
processing = storage, extraction, transfer
retention = legal
retention_text = As long as applicable law requires (9.1, 9.4)
deletion = Deletion, anonymisation or other cessation of processing once storage is no longer required by law (9.4)
recipient = Authorised bodies, on their legal requests | authority

[purpose vs-cookies]
controller = vs-contractor
system = vs-service
title = Correct operation of the Service and saving user settings (essential cookies)
description = Essential cookies are used without separate consent (5.7)
ground = legitimate-interest
legal_reference = Policy 4.5, 5.2, 5.7
subjects = Users, Website visitors
categories = technical
fields = session_id, user_settings
processing = collection, recording, storage, use, deletion
retention = contract-term
retention_text = No longer than necessary for the purposes (9.1); the User may restrict cookies in the browser (5.4)
security = Access control; encryption where feasible (8.3)

[purpose vs-analytics]
controller = vs-contractor
system = vs-service
title = Analytics of the use of the Service and improvement of its functionality (non-essential cookies)
description = Where applicable law requires, non-essential cookies are used only with consent (5.5)
ground = consent
legal_reference = Policy 4.5, 5.2, 5.3, 5.5
subjects = Users, Website visitors
categories = technical
fields = cookie_id, usage_data, ip, browser, device, os
processing = collection, recording, storage, use, anonymization, deletion
retention = until-withdrawal
retention_text = Until consent is withdrawn, and no longer than necessary for the purposes (5.5, 9.1)
recipient = Third-party web analytics services | controller | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)

[purpose vs-notifications]
controller = vs-contractor
system = vs-service
title = Informational messages about the operation of the Service, updates, changes to terms and new functionality
ground = legitimate-interest
legal_reference = Policy 4.7
subjects = Users
categories = account
fields = email, first_name
processing = storage, use, deletion
retention = contract-term
retention_text = For the contractual relations (9.4)

[purpose vs-backup]
controller = vs-contractor
system = vs-service
title = Stability, security and recovery of the Service (technical logs, backups, system data)
ground = legitimate-interest
legal_reference = Policy 9.5
subjects = Users, Third parties whose data Users process
categories = account, payment, technical, voice, integration
processing = storage, use for recovery, deletion
retention = backup-cycle
retention_text = For a limited period of time to ensure the stability, security and recovery of the Service (9.5)
deletion = Automatically when the backup or log retention period expires
security = Appropriate security measures (9.5, 8.3)
recipient = Hosting, server and cloud infrastructure providers | processor | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)

# Processor purposes (2.1, 2.2, 6.6, 9.3): the User is the controller; requests are handled on the User's
# instructions and the DPA (10.2).

[purpose vs-voice-calls]
controller = vs-users
system = vs-service
title = Voice Call Functionality: operability, diagnostics and troubleshooting
description = Solely technical purposes (4.3, 6.5); the Contractor does not determine or control the content of calls (3.5, 4.4, 6.4)
ground = contract
legal_reference = Policy 2.5, 6.3, 6.6: the User's own legal grounds; the Contractor processes under the DPA
subjects = Participants of voice calls
categories = voice
fields = call_date, call_time, call_duration, call_status, audio_ref
processing = storage, use for diagnostics and troubleshooting, transfer, deletion
retention = contract-term
retention_text = In accordance with the User's instructions and the DPA, unless otherwise provided by law (9.3)
deletion = On the User's instructions or on termination of the contractual relations (9.3, 9.4)
security = Limited technical access only as the architecture of the Service or the integrations allow (6.5); access control (8.3)
recipient = Providers of voice calling and communications solutions | controller | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)
recipient = Hosting, server and cloud infrastructure providers | processor | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)

[purpose vs-integrations]
controller = vs-users
system = vs-service
title = Integrations and third-party services connected by the User
description = Data transferred between the Service and third-party systems at the User's initiative and risk (3.6, 7.4)
ground = contract
legal_reference = Policy 2.5, 7.4: the User's own legal grounds; the Contractor processes under the DPA
subjects = Users, Third parties whose data Users process
categories = integration
fields = platform_account_id, access_token, technical_key, transferred_data
processing = storage, use, transfer, deletion
retention = contract-term
retention_text = In accordance with the User's instructions and the DPA, unless otherwise provided by law (9.3); data held by third-party platforms follows their terms (9.6)
deletion = On the User's instructions or on termination of the contractual relations (9.3, 9.4)
security = Access tokens and technical keys kept in encrypted or restricted form (3.6)
recipient = Providers of integrations and third-party platforms used by the User | controller | | standard contractual clauses or other lawful transfer mechanisms (7.5.3)
