# Writes examples/htcds/bad.csv: synthetic HTCDS rows with mistakes, each of which the import must
# report with its line and field (and never drop). Same columns as sample.csv.
import csv, sys
header = next(csv.reader(open('examples/htcds/sample.csv', newline='')))
def row(**kw):
    r = {n: '' for n in header}
    r.update({'con_Consent': 'TRUE', 'cas_Status': 'Active'})
    r.update({('' if k == 'id' else k): v for k, v in kw.items()})
    return [r[n] for n in header]
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(header)
# line 2: no such day
w.writerow(row(id='bad-01', prs_Birthdate='1998-02-30', prs_Citizenship='ID', vic_MethodsOfControl='FalsePromises', vic_TypeOfExploitation='ForcedLabour', hte_Type='Recruitment;Exploitation', hte_Country='ID;MY', hte_Date='2023-01-01;2023-02-01'))
# lines 3-4: value names from Field-Definitions.md, not the picklist; an unknown country; a quoted note with a comma and a line break
w.writerow(row(id='bad-02', prs_Citizenship='VN', vic_MethodsOfControl='Threats;RestrictsMovement', vic_TypeOfExploitation='ForcedLabour', vic_AgeWhenTrafficked='17', hte_Type='Recruitment', hte_Country='Atlantis', hte_Date='2023-01-01', cas_IncomingReferralDetails='Synthetic, "quoted", with a comma\nand a line break'))
# line 5: event lists of different lengths
w.writerow(row(id='bad-03', prs_Citizenship='ID', vic_TypeOfExploitation='ForcedLabour', hte_Type='Recruitment;Exploitation', hte_Country='ID', hte_Date='2023-01-01;2023-02-01'))
# line 6: a good row after the bad ones
w.writerow(row(id='good-04', prs_Birthdate='2000-01-01', prs_Citizenship='ID', vic_MethodsOfControl='DebtBondage', vic_TypeOfExploitation='ForcedLabour', hte_Type='Recruitment;Exploitation', hte_Country='ID;MY', hte_Date='2023-01-01;2023-02-01'))
# line 7: too few cells
sys.stdout.write('bad-05,,,,,TRUE,2001-01-01,Feminine,ID\n')
# line 8: a stray quote the parser cannot read
sys.stdout.write('bad-06,,,,,TRUE,"2001-01-01"x' + ',' * (len(header) - 7) + '\n')
