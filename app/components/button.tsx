import type { ButtonHTMLAttributes } from "react";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "warning";
}

export function Button({ variant = "primary", className, type = "submit", ...props }: ButtonProps) {
  const variantClass = variant === "primary" ? "" : ` govuk-button--${variant}`;
  return (
    <button
      type={type}
      className={`govuk-button${variantClass}${className ? ` ${className}` : ""}`}
      data-module="govuk-button"
      {...props}
    />
  );
}
