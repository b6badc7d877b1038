{"alg":"Ed25519","keyId":"941a733a50aa9ffe","signature":"WtgbKzMSWdd68Grd39U3AaAV5eU4wlgi/LBrp/vCRNXR54wrZReMdrxEbSQqyVe/h30Zjg2z3V0eoWajnd8FAg=="}
