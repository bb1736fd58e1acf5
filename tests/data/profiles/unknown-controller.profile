# The purpose names a controller the file does not define: the loader must refuse it (line 13).
[profile]
name = Broken
policy_version = 1

[controller acme]
name = Acme LLC
kind = own

[purpose sales]
title = Selling to customers
ground = contract
controller = acne
retention = contract-term
