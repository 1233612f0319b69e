# Regenerates src/facts/htcds/fields.json from standards/htcds/htcds-fields-2.0.tsv
# (HTCDS Field Standards 2.0, IOM, CC BY 4.0): field name, label, type, status, picklist value names.
import csv, re, json
rows = list(csv.reader(open('standards/htcds/htcds-fields-2.0.tsv'), delimiter='\t'))
out = {}
for r in rows[1:]:
    idx = [i for i, c in enumerate(r) if re.fullmatch(r'[a-z]{3}_[A-Za-z]+', c) and i >= 3]
    if not idx:
        continue
    i = idx[0]
    name, label, typ, status = r[i], r[i - 1], r[i + 1], r[0]
    vals = []
    if 'Picklist' in typ and len(r) > i + 3:
        v = r[i + 3].strip()
        if not v.startswith('Use ISO') and not v.startswith('['):
            vals = [x for x in re.split(r'\s+', v) if x]
    out[name] = {'label': label, 'type': typ, 'status': status, **({'values': vals} if vals else {})}
json.dump({'note': 'Generated from standards/htcds/htcds-fields-2.0.tsv (HTCDS Field Standards 2.0, IOM, CC BY 4.0) by scripts/htcds-fields.py: each field name with its label, type, status and picklist value names.', 'fields': out}, open('src/facts/htcds/fields.json', 'w'), indent=1)
