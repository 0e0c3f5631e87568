import { expect, expectAccessible, signIn, test } from "./fixtures";

test("an admin invites a working group member, who sets a password and signs in; then the admin turns the account off", async ({ page, browser }) => {
  test.slow(); // Two people, eleven pages, an axe check on each.
  const email = `new-lead-${test.info().project.name}-${Date.now()}@council.example`;
  const name = `New lead ${test.info().project.name} ${Date.now()}`;
  await signIn(page, "admin@demo.local");
  await page.getByRole("link", { name: "Staff accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff accounts" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Invite a member of staff" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send invitation" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Enter their full name");
  await expect(summary).toContainText("Enter their work email address");
  await expect(summary).toContainText("Choose what they can do");
  await expectAccessible(page);

  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Work email address").fill(email);
  await page.getByRole("radio", { name: "working group member" }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose at least one working group for a working group member");
  // What was typed is still there.
  await expect(page.getByLabel("Full name")).toHaveValue(name);
  await expect(page.getByRole("radio", { name: "working group member" })).toBeChecked();
  await page.getByRole("checkbox", { name: "Engagement" }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Invitation made" })).toBeVisible();
  await expectAccessible(page);
  const link = (await page.getByTestId("invitation-link").innerText()).trim();
  expect(link).toMatch(/\/invitations\/[\w-]{40,}$/);
  // Shown once only.
  await page.reload();
  await expect(page.getByTestId("invitation-link")).toHaveCount(0);

  // The invited person, in their own browser.
  const theirs = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
  const them = await theirs.newPage();
  await them.goto(new URL(link).pathname);
  await expect(them.getByRole("heading", { level: 1, name: "Create your password" })).toBeVisible();
  await expectAccessible(them);
  await them.getByLabel("Create a password").fill("short");
  await them.getByLabel("Type the password again").fill("different");
  await them.getByRole("button", { name: "Create password and sign in" }).click();
  await expect(them.getByRole("alert")).toContainText("Password must be 12 characters or more");
  await expect(them.getByRole("alert")).toContainText("The passwords do not match");
  await expectAccessible(them);
  await them.getByLabel("Create a password").fill("a long enough password");
  await them.getByLabel("Type the password again").fill("a long enough password");
  await them.getByRole("button", { name: "Create password and sign in" }).click();
  await expect(them.getByText(`You are signed in as ${name} (working group member).`)).toBeVisible();

  // The link works once.
  const again = await browser.newPage();
  const reused = await again.goto(new URL(link).pathname);
  expect(reused?.status()).toBe(404);
  await expect(again.getByRole("heading", { level: 1, name: "This invitation link cannot be used" })).toBeVisible();
  await again.close();

  // The admin turns the account off: the person is signed out at once.
  await page.goto("/admin/users");
  await page.getByRole("link", { name }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Turn off the account for ${name}` }).click();
  await expect(page.getByText(`The account for ${name} has been turned off.`)).toBeVisible();
  await them.goto("/admin");
  await expect(them).toHaveURL(/\/login/);
  await theirs.close();

  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "Turned off an account" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Invited a member of staff" }).first()).toBeVisible();
});

test("an admin cannot turn off their own account", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Portal administrator" }).click();
  await expect(page.getByRole("button", { name: /Turn off the account/ })).toHaveCount(0);
  await page.getByRole("radio", { name: "officer" }).check();
  await page.getByRole("button", { name: "Save role and access" }).click();
  await expect(page.getByRole("alert")).toContainText("You cannot turn off or remove your own administrator access");
});

test("an admin imports the GOV.UK bank holidays file; a wrong file gets a clear message", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/bank-holidays?year=2027");
  await expect(page.getByRole("cell", { name: "29 March 2027" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Upload bank-holidays.json").setInputFiles({ name: "bank-holidays.json", mimeType: "application/json", buffer: Buffer.from('{"scotland": {"division": "scotland", "events": []}}') });
  await page.getByRole("button", { name: "Import bank holidays" }).click();
  await expect(page.getByRole("alert")).toContainText("england-and-wales");
  await expectAccessible(page);

  const file = {
    "england-and-wales": {
      division: "england-and-wales",
      events: [
        { title: "Christmas Day", date: "2029-12-25", notes: "", bunting: true },
        { title: "Boxing Day", date: "2029-12-26", notes: "", bunting: true },
      ],
    },
  };
  await page.getByLabel("Upload bank-holidays.json").setInputFiles({ name: "bank-holidays.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole("button", { name: "Import bank holidays" }).click();
  await expect(page.getByText(/Import finished: \d+ added, 0 updated/)).toBeVisible();
  await page.getByLabel("Year").fill("2029");
  await page.getByRole("button", { name: "Show year" }).click();
  await expect(page.getByRole("cell", { name: "26 December 2029" })).toBeVisible();
});
