# Writes examples/htcds/sample.csv: synthetic HTCDS 2.0 records (no real person), in the columns of
# IOM's HTCDS Excel template v2.0 (its header row, then its label row), followed by the extension
# columns tip-harmonise reads (vic_AgeWhenTrafficked, per_RoleInProcess and the historic events hte_*,
# which the template keeps in other tables; ';'-separated lists, one item per event).
# Field names and picklist values: Human Trafficking Case Data Standard (HTCDS) by IOM, CC BY 4.0.
import csv, sys
TEMPLATE = ['', 'cas_CaseOwner', 'prs_Salutation', 'prs_FirstName', 'prs_SecondName', 'con_Consent', 'prs_Birthdate', 'prs_Gender', 'prs_Citizenship', 'prs_Title', 'prs_Email', 'prs_HomePhone', 'prs_MobilePhone', 'prs_MailingCity', 'prs_MailingCountry', 'prs_MailingState', 'prs_MailingStreet', 'prs_MailingPostalCode', 'vic_TraffickingStatus', 'vic_TraffickinStatusDecisionMakingOrg', 'vic_MethodOfRecruitment', 'vic_LocationOfRecruitment', 'vic_MethodsOfControl', 'vic_TypeOfExploitation', 'vic_ForcedLabourIndustry', 'vic_TypeOfSexExploitation', 'vic_LocationOfExploitation', 'cas_Status', 'cas_ReferringOrganisation', 'cas_IncomingReferralDate', 'cas_ReferringPrimaryCaseWorker', 'cas_ReasonForIncomingReferral', 'cas_IncomingReferralDetails', 'cas_ReferredOrganisation', 'cas_ReferredPrimaryCaseWorker', 'cas_ReasonForOutgoingReferral', 'cas_OutgoingReferralDate', 'cas_OutgoingReferralDetails', 'cas_ReasonForCaseClosure']
LABELS = ['', 'Case Owner', 'Salutation', 'First Name', 'Second Name', 'Consent', 'Birthdate', 'Gender', 'Citizenship', 'Title', 'Email', 'Home Phone', 'Mobile Phone', 'Mailing Street', 'Mailing City', 'Mailing State/Province', 'Mailing Zip/Postal Code', 'Mailing Country', 'Trafficking Status', 'Trafficking Status Decision Making Organization', 'Method of Recruitment', 'Location of Recruitment', 'Methods of Control', 'Type of Exploitation', 'Forced Labour Industry', 'Type of Sex Exploitation', 'Location of Exploitation', 'Status', 'Referring Organisation', 'Incoming Referral Date', 'Referring Primary Case Worker', 'Reason for Incoming Referral', 'Incoming Referral Details', 'Referred Organisation', 'Referred Primary Case Worker', 'Reason for Outgoing Referral', 'Outgoing Referral Date', 'Outgoing Referral Details', 'Reason for Case Closure']
EXTRA = ['vic_AgeWhenTrafficked', 'per_RoleInProcess', 'hte_Type', 'hte_Country', 'hte_State', 'hte_Date']
EXTRA_LABELS = ['Age when Trafficked', 'Role in Process', 'Type', 'Country', 'State', 'Date']

# id, birthdate, age, citizenship, consent, gender, methods of control, exploitation, sex exploitation, roles, events [(type, country, state, date)], details
R = [
 ('htcds-01', '1995-03-10', '', 'ID', 'TRUE', 'Feminine', 'FalsePromises;WithholdsDocuments', 'ForcedLabour', '', 'RecruiterOrIntermediary;Transporter', [('Recruitment', 'ID', 'Jawa Barat', '2023-08-01'), ('Exploitation', 'MY', 'Johor', '2023-08-20')], 'Domestic work, Johor'),
 ('htcds-02', '2007-02-01', '', 'ID', 'TRUE', 'Feminine', '', 'SexualExploitation', 'Prostitution', 'RecruiterOrIntermediary', [('Recruitment', 'ID', 'Jawa Barat', '2023-05-10'), ('Exploitation', 'ID', 'Riau', '2023-06-01')], 'Recruited, sent to Riau'),
 ('htcds-03', '', '16', 'Indonesia', 'TRUE', 'Feminine', '', 'SexualExploitation', 'Prostitution', 'RecruiterOrIntermediary;Transporter', [('Recruitment', 'ID', 'Nusa Tenggara Timur', '2023-02-01'), ('Transit', 'ID', 'Kepulauan Riau', '2023-02-10'), ('Exploitation', 'MY', 'Johor', '2023-02-15')], 'Child, via Batam'),
 ('htcds-04', '1988-11-30', '', 'MM', 'TRUE', 'Masculine', 'DebtBondage;PhysicalAbuse;RestrictsMedicalCare', 'ForcedLabour', '', 'Transporter;SoldIndividual', [('Recruitment', 'MM', '', '2022-04-01'), ('Transit', 'TH', '', '2022-04-05'), ('Exploitation', 'MY', 'Perak', '2022-04-20')], 'Fishing boat'),
 ('htcds-05', '1992-04-04', '', 'KH', 'TRUE', 'Masculine', 'FalsePromises', 'ForcedLabour', '', 'RecruiterOrIntermediary;Transporter', [('Recruitment', 'KH', '', '2023-03-15'), ('Transit', 'MY', '', '2023-03-20'), ('Exploitation', 'TH', '', '2023-04-01')], 'Fishing, Thai waters'),
 ('htcds-06', '1999-07-07', '', 'PH', 'FALSE', 'Feminine', 'WithholdsDocuments;TakesEarnings', 'ForcedLabour', '', 'RecruiterOrIntermediary', [('Recruitment', 'PH', '', '2024-01-10'), ('Exploitation', 'MY', 'Sabah', '2024-02-01')], 'Plantation, Sabah'),
 ('htcds-07', '2009-09-09', '', 'MY', 'TRUE', 'Feminine', 'PsychologicalAbuse', 'SexualExploitation', 'RemoteInteractiveServices', 'Exploiter', [('Recruitment', 'MY', 'Selangor', '2024-03-01'), ('Exploitation', 'MY', 'Selangor', '2024-03-02')], 'Online, domestic'),
 ('htcds-08', '1985-01-20', '', 'ID', 'TRUE', 'Feminine', 'ExcessiveWorkingHours;TakesEarnings', 'ForcedLabour', '', 'RecruiterOrIntermediary', [('Recruitment', 'ID', 'Jawa Tengah', '2022-10-01'), ('Exploitation', 'SA', '', '2022-11-01')], 'Domestic work abroad'),
 ('htcds-09', '', '', 'ID', 'TRUE', 'Masculine', 'FalsePromises;ThreatsLawEnforcement', 'ForcedLabour', '', 'RecruiterOrIntermediary', [('Recruitment', 'ID', 'Sulawesi Selatan', '2024-05-01'), ('Exploitation', 'KH', '', '2024-06-01')], 'Scam compound (recorded as forced labour)'),
 ('htcds-10', '2006-12-12', '', 'ID', 'TRUE', 'Feminine', '', '', '', '', [('Recruitment', 'ID', 'Jawa Timur', '2023-01-05')], 'Partial: only recruitment known'),
 ('htcds-11', '', '', 'VN', 'TRUE', 'Masculine', 'PhysicalThreats', '', '', '', [], 'Partial: no events, no dates'),
 ('htcds-12', '1990-05-05', '', 'BD', 'TRUE', 'Masculine', 'DebtBondage;WithholdsDocuments', 'ForcedLabour', '', 'RecruiterOrIntermediary;BrokerTravelAgent', [('Recruitment', 'BD', '', '2023-06-01'), ('Exploitation', 'MY', 'Pulau Pinang', '2023-07-01')], 'Factory'),
 ('htcds-13', '1997-08-08', '', 'NP', 'TRUE', 'Masculine', 'WithholdsDocuments;RestrictsFinancialAccess', 'ForcedLabour', '', '', [('Recruitment', 'NP', '', '2023-09-01'), ('Exploitation', 'MY', 'Kuala Lumpur', '2023-10-01')], 'Security guard'),
 ('htcds-14', '2010-03-03', '', 'ID', 'TRUE', 'Masculine', '', 'ForcedBegging', '', 'TransferredIndividual', [('Recruitment', 'ID', 'DKI Jakarta', '2024-02-02'), ('Exploitation', 'ID', 'DKI Jakarta', '2024-02-03')], 'Begging, Jakarta'),
 ('htcds-15', '1994-06-15', '', 'ID', 'TRUE', 'Feminine', 'FalsePromises', 'ForcedMarriage', '', 'RecruiterOrIntermediary;SoldIndividual', [('Recruitment', 'ID', 'Kalimantan Barat', '2019-04-01'), ('Exploitation', 'CN', '', '2019-05-01')], 'Marriage abroad'),
 ('htcds-16', '1980-02-29', '', 'ID', 'TRUE', 'Masculine', 'FalsePromises;PsychoactiveSubstance', 'OrganRemoval', '', 'RecruiterOrIntermediary', [('Recruitment', 'ID', 'Jawa Barat', '2012-07-01'), ('Exploitation', 'SG', '', '2012-07-15')], 'Kidney'),
 ('htcds-17', '', '25', 'MM', 'TRUE', 'Feminine', '', 'SexualExploitation', 'Prostitution', 'Transporter;ReceivedIndividual', [('Recruitment', 'MM', '', '2022-09-01'), ('Transit', 'TH', '', '2022-09-03'), ('Transit', 'MY', '', '2022-09-05'), ('Exploitation', 'ID', 'Kepulauan Riau', '2022-09-10')], 'Brought into Indonesia'),
 ('htcds-18', '2008-10-10', '', 'ID', 'TRUE', 'Feminine', 'FalsePromises;Other', 'ForcedLabour', '', '', [('Recruitment', 'ID', 'Nusa Tenggara Barat', '2024-01-01')], 'Partial: no exploitation event'),
 ('htcds-19', '2005-05-20', '', 'ID;MY', 'TRUE', 'Masculine', 'ThreatensChildrenFamily', 'ForcedLabour', '', 'HarbouredIndividual', [('Recruitment', 'MY', 'Sabah', '2022-06-01'), ('Exploitation', 'MY', 'Sabah', '2022-06-02')], 'Dual citizenship on record'),
 ('htcds-20', '2011-01-01', '', 'ID', 'TRUE', 'Feminine', '', 'ChildLabour', '', 'RecruiterOrIntermediary', [('Recruitment', 'MY', 'Sabah', '2023-07-01'), ('Exploitation', 'MY', 'Sabah', '2023-07-02')], 'Indonesian child born in Sabah, plantation'),
 ('htcds-21', '', '', '', 'TRUE', '', 'Other', 'Other', '', 'Other', [], 'Partial: almost nothing known'),
 ('htcds-22', '1993-03-03', '', 'LA', 'TRUE', 'Feminine', 'SexualAbuse;WithholdsNecessities', 'SexualExploitation;Servitude', 'PrivateSexualServices', 'Kidnapper;Transporter', [('Recruitment', 'LA', '', '2021-02-01'), ('Exploitation', 'TH', '', '2021-02-10')], 'Kidnapped'),
 ('htcds-23', '2007-07-31', '', 'PH', 'TRUE', 'Feminine', '', 'SexualExploitation', 'Pornography', 'RecruiterOrIntermediary', [('Recruitment', 'PH', '', '2023-03-01'), ('Exploitation', 'PH', '', '2023-03-05')], 'Online, domestic PH'),
 ('htcds-24', '1991-09-19', '', 'ID', 'TRUE', 'Feminine', 'FalsePromises', 'Surrogacy', '', 'RecruiterOrIntermediary', [('Recruitment', 'ID', 'Jawa Barat', '2024-04-01'), ('Exploitation', 'KH', '', '2024-05-01')], 'Surrogacy abroad'),
 ('htcds-25', '2004-04-04', '', 'TH', 'TRUE', 'Masculine', 'PhysicalThreats', 'ForcedMilitaryByNonStateActors', '', 'Kidnapper', [('Recruitment', 'MM', '', '2020-01-01'), ('Exploitation', 'MM', '', '2020-01-02')], 'Armed group'),
 ('htcds-26', '1996-12-01', '', 'ID', 'TRUE', 'Feminine', 'FalsePromises;WithholdsDocuments', 'ForcedLabour', '', 'RecruiterOrIntermediary', [('Recruitment', 'ID', 'Jawa Timur', '2026-02-01'), ('Exploitation', 'TW', '', '2026-03-01')], 'Fishing, after KUHP 455'),
 ('htcds-27', '2009-06-06', '', 'ID', 'TRUE', 'Feminine', '', 'SexualExploitation', 'Prostitution', 'RecruiterOrIntermediary', [('Recruitment', 'ID', 'Jawa Barat', '2026-03-01'), ('Exploitation', 'ID', 'Bali', '2026-03-10')], 'Child, domestic, after KUHP 455'),
 ('htcds-28', '1987-08-08', '', 'VN', 'TRUE', 'Masculine', 'DebtBondage', 'ForcedLabour', '', '', [('Recruitment', 'VN', '', '2023-11-01'), ('Exploitation', 'MY', 'Selangor', '2023-12-01')], 'Construction'),
 ('htcds-29', '', '17', 'MY', 'TRUE', 'Feminine', 'FalsePromises', 'SexualExploitation', 'Prostitution', 'RecruiterOrIntermediary;Transporter', [('Recruitment', 'MY', 'Kelantan', '2023-04-01'), ('Exploitation', 'SG', '', '2023-04-10')], 'Malaysian child to Singapore'),
 ('htcds-30', '1975-05-05', '', 'ID', 'FALSE', 'Masculine', 'Other', 'ForcedLabour', '', 'Smuggler', [('Recruitment', 'ID', 'Riau', '2018-03-01'), ('Transit', 'MY', '', '2018-03-05'), ('Exploitation', 'TH', '', '2018-04-01')], 'Smuggled, then forced labour'),
 ('htcds-31', '2012-02-02', '', 'Cambodia', 'TRUE', 'Feminine', '', 'ForcedBegging', '', 'TransferredIndividual;Transporter', [('Recruitment', 'KH', '', '2024-06-01'), ('Exploitation', 'TH', '', '2024-06-05')], 'Child begging, Bangkok'),
 ('htcds-32', '1998-02-28', '', 'ID', 'TRUE', 'Feminine', 'FalsePromises', 'ForcedLabour', '', '', [('Recruitment', 'ID', '', '2023-01-01'), ('Exploitation', 'MY', '', '2023-02-01')], 'Garment factory'),
]

w = csv.writer(sys.stdout, lineterminator='\r\n')
w.writerow(TEMPLATE + EXTRA)
w.writerow(LABELS + EXTRA_LABELS)
for (rid, bd, age, cit, consent, gender, moc, tox, sex, roles, events, details) in R:
    row = {n: '' for n in TEMPLATE + EXTRA}
    row[''] = rid
    row.update({'cas_CaseOwner': 'caseworker-7', 'prs_FirstName': 'Sample', 'prs_SecondName': rid.upper(), 'con_Consent': consent,
                'prs_Birthdate': bd, 'prs_Gender': gender, 'prs_Citizenship': cit, 'vic_MethodsOfControl': moc,
                'vic_TypeOfExploitation': tox, 'vic_TypeOfSexExploitation': sex, 'vic_AgeWhenTrafficked': age,
                'per_RoleInProcess': roles, 'cas_Status': 'Active',
                'cas_IncomingReferralDetails': f'Synthetic record, no real person. {details}, "as told", see notes\nsecond line of notes'})
    if events:
        row['hte_Type'] = ';'.join(e[0] for e in events)
        row['hte_Country'] = ';'.join(e[1] for e in events)
        row['hte_State'] = ';'.join(e[2] for e in events)
        row['hte_Date'] = ';'.join(e[3] for e in events)
    w.writerow([row[n] for n in TEMPLATE + EXTRA])
