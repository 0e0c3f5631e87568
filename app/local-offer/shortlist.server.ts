/** The slugs on the visitor's shortlist, from its cookie. (Placeholder until the shortlist work lands.) */
export async function readShortlist(_request: Request): Promise<string[]> {
  return [];
}
