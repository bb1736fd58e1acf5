# Smallest valid profile: one controller, one purpose, no optional field.
[profile]
name = Minimal
policy_version = 1

[controller acme]
name = Acme LLC
kind = own

[purpose sales]
controller = acme
title = Selling to customers
ground = contract
retention = contract-term
