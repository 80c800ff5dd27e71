-- The catalogue (PRODUCT.md §1) is reference data every deployment needs, not demo data: the
-- products and their yearly prices net of VAT, in cents. Created once; a price changed later by
-- the provider is never overwritten. lib/demo/catalogue.ts states the same list for the code.
INSERT INTO "Product" ("code", "name", "yearlyPriceCents", "autoRenewalAvailable", "renewalActivationEmail") VALUES
  ('PEC', 'PEC', 900, true, true),
  ('FIRMA_DIGITALE', 'Firma Digitale', 3900, false, false),
  ('MARCA_TEMPORALE', 'Marca Temporale', 1800, false, false),
  ('SPID', 'SPID', 2490, true, true),
  ('CONSERVAZIONE', 'Docfly Conservazione', 6000, true, true),
  ('FATTURAZIONE_ELETTRONICA', 'Fatturazione Elettronica', 2500, true, true)
ON CONFLICT ("code") DO NOTHING;
