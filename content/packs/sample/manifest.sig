{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"MLjiEeCSy6qKAoqxqBl4i3bw1211lEkkvZ8HNs6OvfDq+SUlJQvdKzL6Pim4vViofTU4M4Bq1AwP7GwWnkS4CQ=="}
