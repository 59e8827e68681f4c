import type { Language } from './language.ts';

/**
 * Field-level validation messages, keyed by the stable codes used in the shared zod schemas.
 * The server answers with them in the request's language; the web app shows the same texts.
 */
export const validationMessages = {
  'field.required': { sv: 'Fältet måste fyllas i.', en: 'This field is required.' },
  'field.invalid': { sv: 'Ogiltigt värde.', en: 'Invalid value.' },
  'field.too_long': { sv: 'Värdet är för långt.', en: 'The value is too long.' },
  'field.too_small': { sv: 'Värdet är för litet.', en: 'The value is too small.' },
  'field.too_big': { sv: 'Värdet är för stort.', en: 'The value is too large.' },
  'field.unknown': { sv: 'Okänt fält.', en: 'Unknown field.' },
  'field.invalid_characters': { sv: 'Värdet innehåller otillåtna tecken.', en: 'The value contains characters that are not allowed.' },
  'id.invalid': { sv: 'Ogiltigt id.', en: 'Invalid id.' },
  'email.invalid': { sv: 'Ange en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
  'name.too_long': { sv: 'Högst 120 tecken.', en: 'At most 120 characters.' },
  'role.invalid': {
    sv: 'Välj en roll: läsa, arbeta eller administrera.',
    en: 'Choose a role: viewer, editor or admin.',
  },
  'password.too_short': {
    sv: 'Lösenordet måste ha minst 10 tecken.',
    en: 'The password must have at least 10 characters.',
  },
  'password.too_long': {
    sv: 'Lösenordet får vara högst 72 byte (färre tecken om du använder å, ä, ö eller symboler).',
    en: 'The password may be at most 72 bytes (fewer characters if you use accented letters or symbols).',
  },
  'password.common': {
    sv: 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.',
    en: 'This password is too common and easy to guess. Choose another.',
  },
  'password.mismatch': { sv: 'Lösenorden är inte lika.', en: 'The passwords do not match.' },
  'password.wrong': { sv: 'Fel nuvarande lösenord.', en: 'The current password is wrong.' },
  'two_factor.code_invalid': { sv: 'Ange de sex siffrorna från din autentiseringsapp.', en: 'Enter the six digits from your authenticator app.' },
  'two_factor.code_wrong': {
    sv: 'Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök med nästa kod.',
    en: 'The code is wrong. Check that your phone’s clock is right and try the next code.',
  },
  'two_factor.recovery_code_invalid': {
    sv: 'En reservkod har 16 tecken, till exempel abcd-efgh-ijkl-mnop.',
    en: 'A recovery code has 16 characters, for example abcd-efgh-ijkl-mnop.',
  },
  'two_factor.password_wrong': { sv: 'Fel lösenord.', en: 'The password is wrong.' },
  'trash.restore_organisation_first': {
    sv: 'Det låg i en organisation som också är i papperskorgen. Återställ organisationen först.',
    en: 'It was in an organisation that is in the trash too. Restore the organisation first.',
  },
  'trash.restore_property_first': {
    sv: 'Det låg i en fastighet som också är i papperskorgen. Återställ fastigheten först.',
    en: 'It was in a property that is in the trash too. Restore the property first.',
  },
  'trash.restore_plan_first': {
    sv: 'Åtgärden låg i en plan som också är i papperskorgen. Återställ planen först.',
    en: 'The action was in a plan that is in the trash too. Restore the plan first.',
  },
  'trash.parent_gone': {
    sv: 'Det som det låg i finns inte längre, så det går inte att återställa.',
    en: 'What it was in no longer exists, so it cannot be restored.',
  },
  'trash.already_exists': {
    sv: 'Det eller något som togs bort med det finns redan igen, så det går inte att återställa.',
    en: 'It or something deleted with it exists again, so it cannot be restored.',
  },
  'trash.name_taken': {
    sv: 'Fastigheten har numera en annan del med samma namn. Byt namn på den först.',
    en: 'The property has another part with the same name by now. Rename that one first.',
  },
  'passkey.response_invalid': {
    sv: 'Webbläsarens svar från nyckeln gick inte att läsa. Försök igen.',
    en: 'The browser’s answer from the passkey could not be read. Try again.',
  },
  'passkey.not_verified': {
    sv: 'Nyckeln kunde inte kontrolleras. Starta om och försök igen.',
    en: 'The passkey could not be verified. Start again and try once more.',
  },
  'email.taken': {
    sv: 'Det finns redan ett konto med den e-postadressen. Logga in i stället.',
    en: 'An account with this e-mail address already exists. Sign in instead.',
  },
  'member.exists': {
    sv: 'Personen är redan medlem i kontot.',
    en: 'This person is already a member of the account.',
  },
  'building.name_taken': {
    sv: 'Fastigheten har redan en byggnad med det namnet. Välj ett annat namn.',
    en: 'The property already has a building with this name. Choose another name.',
  },
  'location.name_taken': {
    sv: 'Fastigheten har redan ett läge med det namnet. Välj ett annat namn.',
    en: 'The property already has a location with this name. Choose another name.',
  },
  'invitation.sent_by_email': {
    sv: 'Inbjudningar skickas med e-post här; länken visas inte.',
    en: 'Invitations are sent by e-mail here; the link is not shown.',
  },
  'member.last_admin': {
    sv: 'Kontot måste ha minst en administratör.',
    en: 'The account must keep at least one admin.',
  },
  'member.property_ids_empty': { sv: 'Välj minst en fastighet.', en: 'Choose at least one property.' },
  'member.admin_not_scoped': {
    sv: 'En administratör når alla fastigheter. Välj Alla fastigheter eller en annan roll.',
    en: 'An admin reaches every property. Choose All properties or another role.',
  },
  'member.property_not_in_account': {
    sv: 'En av fastigheterna finns inte i det här kontot (borttagen eller flyttad?).',
    en: 'One of the properties is not in this account (deleted or moved?).',
  },
  'member.no_change': { sv: 'Ange en ny roll eller nya fastigheter.', en: 'Give a new role or new properties.' },
  'number.invalid': { sv: 'Ange ett tal.', en: 'Enter a number.' },
  'number.not_integer': { sv: 'Ange ett heltal.', en: 'Enter a whole number.' },
  'number.too_many_decimals': { sv: 'Högst två decimaler.', en: 'At most two decimal places.' },
  'year.out_of_range': { sv: 'Ange ett år mellan 1900 och 2200.', en: 'Enter a year between 1900 and 2200.' },
  'build_year.out_of_range': { sv: 'Ange ett byggår mellan 1000 och 2200.', en: 'Enter a build year between 1000 and 2200.' },
  'plan.length_out_of_range': { sv: 'Planen ska vara 1–100 år lång.', en: 'The plan must be 1–100 years long.' },
  'percent.out_of_range': { sv: 'Ange en procentsats mellan 0 och 100.', en: 'Enter a percentage between 0 and 100.' },
  'rate.out_of_range': { sv: 'Ange en procentsats mellan −50 och 50.', en: 'Enter a percentage between −50 and 50.' },
  'amount.out_of_range': {
    sv: 'Ange ett belopp mellan 0 och 999 999 999 999 kr.',
    en: 'Enter an amount between 0 and 999,999,999,999 kr.',
  },
  'area.out_of_range': { sv: 'Ange en yta mellan 0 och 10 000 000 m².', en: 'Enter an area between 0 and 10,000,000 m².' },
  'category.invalid': { sv: 'Välj en kategori i listan.', en: 'Choose a category from the list.' },
  'status.invalid': { sv: 'Välj en status i listan.', en: 'Choose a status from the list.' },
  'building.not_in_property': {
    sv: 'Byggnaden hör inte till den här fastigheten.',
    en: 'The building does not belong to this property.',
  },
  'location.not_in_property': {
    sv: 'Läget hör inte till den här fastigheten.',
    en: 'The location does not belong to this property.',
  },
  'action.name_too_long': { sv: 'Högst 200 tecken.', en: 'At most 200 characters.' },
  'quantity.out_of_range': {
    sv: 'Ange en mängd mellan 0 och 1 000 000 000.',
    en: 'Enter a quantity between 0 and 1,000,000,000.',
  },
  'unit.too_long': { sv: 'Enheten får vara högst 16 tecken.', en: 'The unit may be at most 16 characters.' },
  'interval.out_of_range': {
    sv: 'Ange ett intervall på 1–100 år, eller inget för en engångsåtgärd.',
    en: 'Enter an interval of 1–100 years, or none for a one-off action.',
  },
  'tag.empty': { sv: 'En tagg får inte vara tom.', en: 'A tag cannot be empty.' },
  'tag.too_long': { sv: 'En tagg får vara högst 40 tecken.', en: 'A tag may be at most 40 characters.' },
  'tags.too_many': { sv: 'Högst 20 taggar.', en: 'At most 20 tags.' },
  'actions.none_selected': { sv: 'Välj minst en åtgärd.', en: 'Select at least one action.' },
  'actions.too_many_selected': { sv: 'Högst 10 000 åtgärder åt gången.', en: 'At most 10,000 actions at a time.' },
  'actions.no_change': { sv: 'Ange ett nytt år eller en ny status.', en: 'Give a new year or a new status.' },
  'actions.bulk_done': {
    sv: 'Markera åtgärder som genomförda en i taget, så att år och faktisk kostnad sparas i historiken.',
    en: 'Mark actions as done one at a time, so that the year and the actual cost are kept in their history.',
  },
  'actions.changes_and_set': { sv: 'Ange ändringarna i set, inte i både set och changes.', en: 'Give the changes in set, not in both set and changes.' },
  'actions.nothing_to_set': { sv: 'Ange minst ett fält att ändra.', en: 'Give at least one field to change.' },
  'actions.year_and_shift': {
    sv: 'Ange ett nytt år eller en flytt med ett antal år, inte båda.',
    en: 'Give a new year or a move by a number of years, not both.',
  },
  'actions.shift_out_of_range': { sv: 'Flytta 1–300 år framåt eller bakåt.', en: 'Move by 1–300 years, forwards or backwards.' },
  'actions.shift_outside_years': {
    sv: 'Några av de valda åtgärderna skulle hamna före år 1900 eller efter år 2200.',
    en: 'Some of the selected actions would fall before the year 1900 or after the year 2200.',
  },
  'actions.scale_out_of_range': {
    sv: 'Ange en ändring större än −100 % och högst 1 000 %, inte 0.',
    en: 'Give a change above −100 % and at most 1,000 %, not 0.',
  },
  'actions.scaled_price_out_of_range': {
    sv: 'Något av de nya à-priserna skulle bli större än 999 999 999 999,99 kr.',
    en: 'One of the new unit prices would exceed 999,999,999,999.99 kr.',
  },
  'note.too_long': { sv: 'Högst 4 000 tecken.', en: 'At most 4,000 characters.' },
  'vat.invalid': { sv: 'Välj inklusive (incl) eller exklusive (excl) moms.', en: 'Choose including (incl) or excluding (excl) VAT.' },
  'boolean.invalid': { sv: 'Ange true eller false.', en: 'Enter true or false.' },
  'date.invalid': { sv: 'Ange ett datum som ÅÅÅÅ-MM-DD.', en: 'Enter a date as YYYY-MM-DD.' },
  'cursor.invalid': { sv: 'Ogiltig sidmarkör: använd next från föregående svar.', en: 'Invalid cursor: use next from the previous answer.' },
  'limit.invalid': { sv: 'Ange ett antal mellan 1 och 200.', en: 'Enter a number between 1 and 200.' },
  'preferences.no_change': { sv: 'Ange moms, avrundning eller båda.', en: 'Give the VAT choice, the rounding or both.' },
  'language.invalid': { sv: 'Välj svenska (sv) eller engelska (en).', en: 'Choose Swedish (sv) or English (en).' },
  'action.already_done': {
    sv: 'Åtgärden är en engångsåtgärd och redan genomförd.',
    en: 'This one-off action is already done.',
  },
  'completion.next_year_out_of_range': {
    sv: 'Nästa tillfälle (år + intervall) skulle hamna efter år 2200.',
    en: 'The next occurrence (year + interval) would fall after the year 2200.',
  },
  'comment.too_long': { sv: 'En kommentar får vara högst 4 000 tecken.', en: 'A comment may be at most 4,000 characters.' },
  'attachment.required': { sv: 'Välj en fil att ladda upp.', en: 'Choose a file to upload.' },
  'attachment.too_many': { sv: 'Ladda upp en fil i taget.', en: 'Upload one file at a time.' },
  'attachment.unexpected_field': {
    sv: 'Skicka bara filen, i fältet file.',
    en: 'Send only the file, in the field named file.',
  },
  'attachment.empty': { sv: 'Filen är tom.', en: 'The file is empty.' },
  'attachment.too_large': { sv: 'Filen är större än vad som tillåts.', en: 'The file is larger than allowed.' },
  'attachment.type_not_allowed': {
    sv: 'Bara foton (JPEG, PNG, WebP, HEIC) och PDF-filer kan bifogas.',
    en: 'Only photos (JPEG, PNG, WebP, HEIC) and PDF files can be attached.',
  },
  'spreadsheet.file_required': {
    sv: 'Välj en fil (.xlsx eller .csv) att importera, i fältet file.',
    en: 'Choose a file (.xlsx or .csv) to import, in the field named file.',
  },
  'spreadsheet.too_large': { sv: 'Filen är större än 10 MB.', en: 'The file is larger than 10 MB.' },
  'spreadsheet.not_a_spreadsheet': {
    sv: 'Filen är inte ett kalkylark. Spara den som .xlsx eller .csv och försök igen.',
    en: 'The file is not a spreadsheet. Save it as .xlsx or .csv and try again.',
  },
  'spreadsheet.zip_bomb': {
    sv: 'Filen packas upp till orimligt mycket data och har avvisats.',
    en: 'The file unpacks to an unreasonable amount of data and was refused.',
  },
  'spreadsheet.too_many_rows': { sv: 'Högst 20 000 rader per fil.', en: 'At most 20,000 rows per file.' },
  'spreadsheet.no_rows': { sv: 'Filen innehåller inga rader att importera.', en: 'The file has no rows to import.' },
  'spreadsheet.mapping_invalid': {
    sv: 'Kolumnmappningen är ogiltig. Välj ett fält för varje kolumn, eller ingen.',
    en: 'The column mapping is invalid. Choose one field for each column, or none.',
  },
  'spreadsheet.column_missing': {
    sv: 'Ingen kolumn är kopplad till fältet, som måste finnas.',
    en: 'No column is mapped to this field, which is required.',
  },
  'spreadsheet.column_twice': {
    sv: 'Fältet är kopplat till mer än en kolumn.',
    en: 'This field is mapped to more than one column.',
  },
  'spreadsheet.yes_no': { sv: 'Skriv ja eller nej.', en: 'Write yes or no.' },
  'spreadsheet.id_unknown': {
    sv: 'Inte id för en åtgärd i den här planen. Töm cellen för att skapa en ny åtgärd, eller låt kolumnen ID inte användas.',
    en: 'Not the id of an action in this plan. Empty the cell to create a new action, or leave the ID column unused.',
  },
  'spreadsheet.id_twice': {
    sv: 'Samma id står på en tidigare rad: varje åtgärd kan uppdateras av en rad.',
    en: 'The same id is on an earlier row: each action can be updated by one row.',
  },
  'library.kind_invalid': { sv: 'Välj byte, underhåll eller besiktning.', en: 'Choose replacement, maintenance or inspection.' },
  'library.source_too_long': { sv: 'Källan får vara högst 300 tecken.', en: 'The source may be at most 300 characters.' },
  'library.generate_none': { sv: 'Välj minst en byggnadsdel.', en: 'Choose at least one building part.' },
  'library.generate_too_many': { sv: 'Högst 2 000 byggnadsdelar åt gången.', en: 'At most 2,000 building parts at a time.' },
  'library.component_unknown': { sv: 'Byggnadsdelen finns inte i biblioteket.', en: 'The building part is not in the library.' },
  'library.generate_twice': {
    sv: 'Samma byggnadsdel och byggnad står två gånger.',
    en: 'The same building part and building are given twice.',
  },
  'library.last_done_in_future': {
    sv: 'Året då det senast gjordes kan inte vara senare än i år.',
    en: 'The year it was last done cannot be later than this year.',
  },
  'library.next_year_out_of_range': {
    sv: 'Nästa gång blir efter år 2200: ange ett senare år då det senast gjordes.',
    en: 'The next time would be after 2200: give a later year it was last done.',
  },
  'library.replaces_not_builtin': {
    sv: 'Välj en post i det inbyggda biblioteket att ersätta.',
    en: 'Choose an item of the built-in library to replace.',
  },
  'library.already_replaced': {
    sv: 'Kontot har redan en egen post i stället för den här.',
    en: 'The account already has its own item in place of this one.',
  },
  'spreadsheet.library_id_unknown': {
    sv: 'Inte id för en av kontots egna poster i biblioteket. Töm cellen för att skapa en ny post, eller låt kolumnen ID inte användas.',
    en: 'Not the id of one of the account’s own library items. Empty the cell to create a new item, or leave the ID column unused.',
  },
  'spreadsheet.library_id_twice': {
    sv: 'Samma id står på en tidigare rad: varje post kan uppdateras av en rad.',
    en: 'The same id is on an earlier row: each item can be updated by one row.',
  },
  'spreadsheet.builtin_id_unknown': {
    sv: 'Inte id för en post i det inbyggda biblioteket. Töm cellen om posten inte ersätter någon.',
    en: 'Not the id of a built-in library item. Empty the cell if the item replaces none.',
  },
  'spreadsheet.library_item_unknown': {
    sv: 'Inte id för en post i kontots bibliotek. Töm cellen för att inte koppla åtgärden.',
    en: 'Not the id of an item in the account’s library. Empty the cell to leave the action unlinked.',
  },
  'spreadsheet.kind_invalid': {
    sv: 'Skriv byte, underhåll eller besiktning.',
    en: 'Write replacement, maintenance or inspection.',
  },
  'customer.trial_days_out_of_range': { sv: 'Ange en provperiod på 1–365 dagar.', en: 'Enter a trial of 1–365 days.' },
  'customer.status_invalid': { sv: 'Välj aktiv eller inaktiv.', en: 'Choose active or inactive.' },
  'customer.trial_end_invalid': { sv: 'Ange en tidpunkt för provperiodens slut.', en: 'Enter when the trial ends.' },
  'customer.one_change': {
    sv: 'Ändra antingen status eller provperiodens slut.',
    en: 'Change either the status or the end of the trial.',
  },
  'share_link.expiry_invalid': { sv: 'Ange när länken slutar gälla.', en: 'Enter when the link expires.' },
  'share_link.expiry_out_of_range': {
    sv: 'Länken måste sluta gälla inom ett år från i dag.',
    en: 'The link must expire within one year from today.',
  },
  'branding.display_name_invalid': { sv: 'Ange ett namn på 1–100 tecken.', en: 'Enter a name of 1–100 characters.' },
  'branding.colour_invalid': { sv: 'Ange färgen som #RRGGBB, till exempel #1F6F50.', en: 'Enter the colour as #RRGGBB, for example #1F6F50.' },
  'branding.colour_low_contrast': {
    sv: 'Vit text syns inte tillräckligt på färgen (kontrast under 4,5:1). Välj en mörkare färg.',
    en: 'White text is not readable enough on this colour (contrast below 4.5:1). Choose a darker colour.',
  },
  'branding.logo_type': { sv: 'Logotypen måste vara en PNG- eller JPEG-bild.', en: 'The logo must be a PNG or JPEG image.' },
  'branding.logo_too_large': { sv: 'Logotypen får vara högst 500 kB.', en: 'The logo may be at most 500 kB.' },
} as const satisfies Record<string, Record<Language, string>>;

export type ValidationMessageKey = keyof typeof validationMessages;

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.hasOwn(validationMessages, value);
}

export function translateValidationMessage(key: string, language: Language): string {
  return isValidationMessageKey(key) ? validationMessages[key][language] : validationMessages['field.invalid'][language];
}
