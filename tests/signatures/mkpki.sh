#!/usr/bin/env bash
# mkpki.sh OUTDIR — a throwaway test PKI for the signature tests (never committed).
#
#   ca.key ca.pem                  root "odfgate test CA" (RSA 2048, sha256)
#   dh cqc monitor .key .pem .p12  signers issued by the CA (keyUsage digitalSignature,
#                                  nonRepudiation); .key PEM unencrypted, .p12 password "test"
#   rogue.key rogue.pem            a self-signed signer nobody trusts, with dh's CN (an impostor)
#   expired.key expired.pem        a signer issued by the CA whose validity ended in 2021
#   nssdb/                         NSS database (sql:) for LibreOffice: the CA trusted
#                                  "CT,C,C", the dh, cqc and monitor keys and certificates
#
# Validity of the others: 2020-01-01 to 2040-01-01, so fixed signing dates in tests are inside
# it.  Serial numbers are random: LibreOffice (NSS) looks a signature's certificate up by
# issuer and serial in its database, and with fixed serials a package signed with an earlier
# run's keys would be verified with this run's certificate, i.e. reported invalid.
# Needs openssl; certutil and pk12util (libnss3-tools) for nssdb, which is skipped when
# ODFGATE_PKI_NO_NSS=1.  Quiet on success; on failure the tool's output is shown.
set -euo pipefail
[ $# = 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1
mkdir -p "$out"
cd "$out"
work=.mkpki
rm -rf "$work" nssdb
mkdir -p "$work"
log=$work/log
finish() {
    local rc=$?
    [ $rc = 0 ] || { cat "$log" >&2 2>/dev/null; echo "mkpki.sh: failed" >&2; }
    rm -rf "$work"
}
trap finish EXIT
run() { "$@" >>"$log" 2>&1; }

# one `openssl ca` configuration: explicit validity dates need `openssl ca` in OpenSSL 3.0
cat >$work/ca.cnf <<EOF
[ca]
default_ca = testca
[testca]
dir = $work
database = \$dir/index.txt
serial = \$dir/serial
new_certs_dir = \$dir
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[anything]
organizationName = optional
commonName = supplied
[req]
distinguished_name = dn
prompt = no
[dn]
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[v3_signer]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
EOF
: >$work/index.txt

# cert STEM "CN" START END EXTENSIONS [self]: STEM.key + STEM.pem (signed by ca.key unless self)
cert() {
    local stem=$1 cn=$2 start=$3 end=$4 ext=$5 self=${6:-}
    run openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$stem.key"
    run openssl req -new -key "$stem.key" -subj "/O=odfgate tests/CN=$cn" -out "$work/$stem.csr" -config $work/ca.cnf
    if [ -n "$self" ]; then
        run openssl ca -batch -notext -rand_serial -config $work/ca.cnf -selfsign -keyfile "$stem.key" \
            -startdate "$start" -enddate "$end" -extensions "$ext" -in "$work/$stem.csr" -out "$stem.pem"
    else
        run openssl ca -batch -notext -rand_serial -config $work/ca.cnf -cert ca.pem -keyfile ca.key \
            -startdate "$start" -enddate "$end" -extensions "$ext" -in "$work/$stem.csr" -out "$stem.pem"
    fi
}
FROM=20200101000000Z UNTIL=20400101000000Z
cert ca "odfgate test CA" $FROM $UNTIL v3_ca self
cert dh "Department of Health test signer" $FROM $UNTIL v3_signer
cert cqc "Care Quality Commission test signer" $FROM $UNTIL v3_signer
cert monitor "Monitor test signer" $FROM $UNTIL v3_signer
cert expired "Expired test signer" $FROM 20210101000000Z v3_signer
cert rogue "Department of Health test signer" $FROM $UNTIL v3_signer self   # an impostor: dh's CN
for s in dh cqc monitor; do
    run openssl pkcs12 -export -inkey $s.key -in $s.pem -name "$s" -passout pass:test -out $s.p12
done

[ "${ODFGATE_PKI_NO_NSS:-0}" = 1 ] && exit 0
if ! command -v certutil >/dev/null || ! command -v pk12util >/dev/null; then
    echo "mkpki.sh: no certutil/pk12util (apt-get install libnss3-tools); ODFGATE_PKI_NO_NSS=1 skips nssdb" >"$log"
    exit 1
fi
mkdir nssdb
run certutil -N -d sql:nssdb --empty-password
run certutil -A -d sql:nssdb -n "odfgate test CA" -t "CT,C,C" -i ca.pem
for s in dh cqc monitor; do
    run pk12util -i $s.p12 -d sql:nssdb -W test -K ""
done
