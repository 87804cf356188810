import type * as pulumi from "@pulumi/pulumi";
import type { Arn } from "../arn";
import { outputInterpolation, type ArnInterpolation, type ArnPart, type ArnScope, type ArnValue } from "./arn-interpolation";
import { nonEmptyParts } from "./non-empty-parts";

/** Builders of EC2 ARNs in the scope's region and account (images have no account). */
export interface Ec2Arns<V extends ArnValue = pulumi.Output<string>> {
  /** An instance, by id (`i-…`). */
  instance(parts: { id: ArnPart<V> }): Arn<"ec2:instance", V>;
  /** A network interface, by id (`eni-…`). */
  networkInterface(parts: { id: ArnPart<V> }): Arn<"ec2:network-interface", V>;
  /** A subnet, by id (`subnet-…`). */
  subnet(parts: { id: ArnPart<V> }): Arn<"ec2:subnet", V>;
  /** A security group, by id (`sg-…`). */
  securityGroup(parts: { id: ArnPart<V> }): Arn<"ec2:security-group", V>;
  /** An AMI, by id (`ami-…`); AMI ARNs carry no account, whoever owns the image. */
  image(parts: { id: ArnPart<V> }): Arn<"ec2:image", V>;
  /** A volume, by id (`vol-…`). */
  volume(parts: { id: ArnPart<V> }): Arn<"ec2:volume", V>;
  /** A key pair, by name. */
  keyPair(parts: { name: ArnPart<V> }): Arn<"ec2:key-pair", V>;
  /** A VPC, by id (`vpc-…`). */
  vpc(parts: { id: ArnPart<V> }): Arn<"ec2:vpc", V>;
  /** A launch template, by id (`lt-…`). */
  launchTemplate(parts: { id: ArnPart<V> }): Arn<"ec2:launch-template", V>;
  /** A placement group, by name: the ARN names the group, not an id. */
  placementGroup(parts: { name: ArnPart<V> }): Arn<"ec2:placement-group", V>;
  /** A Spot Instance request, by id (`sir-…`); `*` for the requests a Spot launch creates. */
  spotInstancesRequest(parts: { id: ArnPart<V> }): Arn<"ec2:spot-instances-request", V>;
}

/** EC2 ARN builders for a scope. */
export function ec2Arns<V extends ArnValue = pulumi.Output<string>>(
  scope: ArnScope<V>,
  t: ArnInterpolation<V> = outputInterpolation as unknown as ArnInterpolation<V>,
): Ec2Arns<V> {
  const arn = (resource: ArnPart<V>) => t.join`arn:${scope.partition}:ec2:${scope.region}:${scope.account}:${resource}`;
  const byId =
    <T extends string>(type: T) =>
    (parts: { id: ArnPart<V> }): Arn<`ec2:${T}`, V> => {
      const { id } = nonEmptyParts(`ec2 ${type}`, parts);
      return { resourceType: `ec2:${type}` as const, value: arn(t.join`${type}/${id}` as ArnPart<V>) };
    };
  const byName =
    <T extends string>(type: T) =>
    (parts: { name: ArnPart<V> }): Arn<`ec2:${T}`, V> => {
      const { name } = nonEmptyParts(`ec2 ${type}`, parts);
      return { resourceType: `ec2:${type}` as const, value: arn(t.join`${type}/${name}` as ArnPart<V>) };
    };
  return {
    instance: byId("instance"),
    networkInterface: byId("network-interface"),
    subnet: byId("subnet"),
    securityGroup: byId("security-group"),
    image: (parts) => {
      const { id } = nonEmptyParts("ec2 image", parts);
      return { resourceType: "ec2:image", value: t.join`arn:${scope.partition}:ec2:${scope.region}::image/${id}` };
    },
    volume: byId("volume"),
    keyPair: byName("key-pair"),
    vpc: byId("vpc"),
    launchTemplate: byId("launch-template"),
    placementGroup: byName("placement-group"),
    spotInstancesRequest: byId("spot-instances-request"),
  };
}
