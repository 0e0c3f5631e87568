import { useTranslation } from "react-i18next";
import { FACE_LEVELS } from "~/components/forms/face-scale";
import { Tag, type TagColour } from "~/components/tag";
import type { ProgressStep } from "./general";

const colours: Record<ProgressStep, TagColour> = {
  received: "blue",
  with_group: "purple",
  responded: "green",
  closed: "grey",
  signposted: "turquoise",
};

/** An item's status as a coloured tag, with the words always there. */
export function StatusTag({ step }: { step: ProgressStep }) {
  const { t } = useTranslation("feedback");
  return <Tag colour={colours[step]}>{t(`steps.${step}`)}</Tag>;
}

/** The words the person saw beside the face they chose ("Not sure"), for staff pages. */
export function useFaceWords() {
  const { t } = useTranslation("common");
  return (face: number) => {
    const level = FACE_LEVELS.find((f) => f.value === String(face))?.level;
    return level ? t(`faceScale.${level}`) : "";
  };
}
