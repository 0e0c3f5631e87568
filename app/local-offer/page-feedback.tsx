/**
 * "Is this page useful?", "Report a problem with this page" and "Tell us what's
 * missing", shown at the foot of every local offer page. Posts to /local-offer/feedback.
 * (Placeholder until the page-feedback work lands.)
 */
export function PageFeedback(_props: { serviceId?: string }) {
  return null;
}
