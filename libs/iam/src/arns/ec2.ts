import * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import type { AwsScope } from "../aws-scope";
import { nonEmptyParts } from "./non-empty-parts";

type Part = pulumi.Input<string>;

/** Builders of EC2 ARNs in the scope's region and account (images have no account). */
export interface Ec2Arns {
  /** An instance, by id (`i-…`). */
  instance(parts: { id: Part }): Arn<"ec2:instance">;
  /** A network interface, by id (`eni-…`). */
  networkInterface(parts: { id: Part }): Arn<"ec2:network-interface">;
  /** A subnet, by id (`subnet-…`). */
  subnet(parts: { id: Part }): Arn<"ec2:subnet">;
  /** A security group, by id (`sg-…`). */
  securityGroup(parts: { id: Part }): Arn<"ec2:security-group">;
  /** An AMI, by id (`ami-…`); AMI ARNs carry no account, whoever owns the image. */
  image(parts: { id: Part }): Arn<"ec2:image">;
  /** A volume, by id (`vol-…`). */
  volume(parts: { id: Part }): Arn<"ec2:volume">;
  /** A key pair, by name. */
  keyPair(parts: { name: Part }): Arn<"ec2:key-pair">;
  /** A VPC, by id (`vpc-…`). */
  vpc(parts: { id: Part }): Arn<"ec2:vpc">;
  /** A launch template, by id (`lt-…`). */
  launchTemplate(parts: { id: Part }): Arn<"ec2:launch-template">;
}

/** EC2 ARN builders for a scope. */
export function ec2Arns(scope: AwsScope): Ec2Arns {
  const arn = (resource: Part) => pulumi.interpolate`arn:${scope.partition}:ec2:${scope.region}:${scope.account}:${resource}`;
  const byId =
    <T extends string>(type: T) =>
    (parts: { id: Part }): Arn<`ec2:${T}`> => {
      const { id } = nonEmptyParts(`ec2 ${type}`, parts);
      return { resourceType: `ec2:${type}` as const, value: arn(pulumi.interpolate`${type}/${id}`) };
    };
  return {
    instance: byId("instance"),
    networkInterface: byId("network-interface"),
    subnet: byId("subnet"),
    securityGroup: byId("security-group"),
    image: (parts) => {
      const { id } = nonEmptyParts("ec2 image", parts);
      return { resourceType: "ec2:image", value: pulumi.interpolate`arn:${scope.partition}:ec2:${scope.region}::image/${id}` };
    },
    volume: byId("volume"),
    keyPair: (parts) => {
      const { name } = nonEmptyParts("ec2 key-pair", parts);
      return { resourceType: "ec2:key-pair", value: arn(pulumi.interpolate`key-pair/${name}`) };
    },
    vpc: byId("vpc"),
    launchTemplate: byId("launch-template"),
  };
}
